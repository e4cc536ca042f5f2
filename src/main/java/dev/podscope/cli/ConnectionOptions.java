package dev.podscope.cli;

import picocli.CommandLine.Option;

/** {@code --context} and {@code --kubeconfig}, as every command that talks to a cluster takes them. */
final class ConnectionOptions {
    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: current-context).")
    String context;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).")
    String kubeconfig;

    /** Connects to the chosen context, or fails with a message naming the file or context. */
    ClusterConnection open() {
        return ClusterConnection.open(kubeconfig, context);
    }

    /** The chosen context's namespace, "default" when it names none, without connecting. */
    String namespaceOrDefault() {
        return ClusterConnection.namespaceOrDefault(kubeconfig, context);
    }
}
