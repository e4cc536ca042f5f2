package dev.podscope.format;

/**
 * Which objects a {@code get} listed: one namespace, all namespaces ({@code -A}, adds the NAMESPACE column),
 * or a cluster-scoped kind such as nodes.
 */
public record GetScope(String namespace, boolean allNamespaces) {

    public static final GetScope ALL_NAMESPACES = new GetScope(null, true);
    public static final GetScope CLUSTER_SCOPED = new GetScope(null, false);

    public static GetScope inNamespace(String namespace) {
        return new GetScope(namespace, false);
    }

    /** kubectl's message on stderr when nothing was found. */
    public String noResourcesMessage() {
        return namespace == null ? "No resources found\n" : "No resources found in " + namespace + " namespace.\n";
    }
}
