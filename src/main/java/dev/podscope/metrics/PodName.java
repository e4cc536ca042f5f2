package dev.podscope.metrics;

import io.kubernetes.client.openapi.models.V1Pod;

/** A pod's namespace and name: the key of its metrics. */
public record PodName(String namespace, String name) implements Comparable<PodName> {

    public static PodName of(V1Pod pod) {
        return new PodName(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
    }

    /** kubectl top's order: namespace, then name. */
    @Override
    public int compareTo(PodName other) {
        int byNamespace = namespace.compareTo(other.namespace);
        return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
