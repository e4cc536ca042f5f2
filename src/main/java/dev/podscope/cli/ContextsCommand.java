package dev.podscope.cli;

import dev.podscope.kube.ContextsTable;
import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "contexts", description = "List kubeconfig contexts, as `kubectl config get-contexts` does.")
final class ContextsCommand implements Callable<Integer> {
    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).")
    String kubeconfig;

    @Override
    public Integer call() {
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.fromSystem(kubeconfig));
        set.problems().forEach(problem -> System.err.println("warning: " + problem));
        System.out.print(ContextsTable.render(set));
        return 0;
    }
}
