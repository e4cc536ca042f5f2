package dev.podscope.sandbox.store;

import io.kubernetes.client.common.KubernetesObject;

/** An object as the store holds it: the typed object (shared, never mutate) and its JSON as served. */
public record StoredObject<T extends KubernetesObject>(T object, byte[] json, long revision) {
}
