package dev.podscope.sandbox.store;

import io.kubernetes.client.common.KubernetesObject;

/**
 * A change committed to the store. {@code json} is the object as served (already serialized once at write time),
 * {@code revision} is the cluster-wide resourceVersion of the change. Objects are shared: never mutate them.
 */
public record StoreEvent(Type type, ResourceType<?> resource, KubernetesObject object, byte[] json, long revision) {
    public enum Type { ADDED, MODIFIED, DELETED }

    public String namespace() {
        return object.getMetadata().getNamespace();
    }

    public String name() {
        return object.getMetadata().getName();
    }
}
