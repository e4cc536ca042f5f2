package dev.podscope.kube;

import java.nio.file.Path;

/**
 * One context of the merged kubeconfig.
 *
 * @param namespace  the context's namespace, or null when unset
 * @param server     the server of the context's cluster, or null when that cluster is missing or has no server
 * @param sourceFile the file that defined this context (the first one, when several do)
 */
public record KubeContext(String name, String cluster, String user, String namespace, String server, Path sourceFile) {
}
