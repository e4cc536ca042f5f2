package dev.podscope.pods;

import io.kubernetes.client.openapi.models.V1Pod;

/** Identifies a pod within a context, the way the API server does: namespace and name. */
public record PodKey(String namespace, String name) implements Comparable<PodKey> {

    public static PodKey of(V1Pod pod) {
        var metadata = pod.getMetadata();
        return new PodKey(metadata == null ? "" : nullToEmpty(metadata.getNamespace()),
                metadata == null ? "" : nullToEmpty(metadata.getName()));
    }

    @Override
    public int compareTo(PodKey other) {
        int byNamespace = namespace.compareTo(other.namespace);
        return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
