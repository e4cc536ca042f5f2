package dev.podscope.kube;

import java.util.stream.Collectors;

/**
 * A context with its cluster and user looked up, or a clear error naming the context and its file.
 *
 * @param user null when the context names no user (anonymous access, as kubectl allows)
 */
record ResolvedContext(KubeContext context, ClusterEntry cluster, UserEntry user) {

    static ResolvedContext of(KubeconfigSet set, String contextName) {
        KubeContext context = set.context(contextName).orElseThrow(() -> new KubeconfigException(
                "context \"" + contextName + "\" not found in kubeconfig (files: " + files(set) + ")"));
        String where = "context \"" + context.name() + "\" in " + set.display(context.sourceFile());
        if (context.cluster().isEmpty()) {
            throw new KubeconfigException(where + " names no cluster");
        }
        ClusterEntry cluster = set.cluster(context.cluster()).orElseThrow(() -> new KubeconfigException(
                where + " refers to cluster \"" + context.cluster() + "\", which no kubeconfig file defines"));
        if (cluster.server() == null) {
            throw new KubeconfigException("cluster \"" + cluster.name() + "\" in " + set.display(cluster.sourceFile())
                    + " has no server");
        }
        UserEntry user = null;
        if (!context.user().isEmpty()) {
            user = set.user(context.user()).orElseThrow(() -> new KubeconfigException(
                    where + " refers to user \"" + context.user() + "\", which no kubeconfig file defines"));
        }
        return new ResolvedContext(context, cluster, user);
    }

    private static String files(KubeconfigSet set) {
        if (set.files().isEmpty()) {
            return "none";
        }
        return set.files().stream().map(set::display).collect(Collectors.joining(", "));
    }
}
