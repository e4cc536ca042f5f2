package dev.podscope.sandbox.store;

import io.kubernetes.client.common.KubernetesObject;

/** An object to create with {@link ClusterStore#createAll}, with the type it is stored as. */
public record NewObject<T extends KubernetesObject>(ResourceType<T> type, T object) {
}
