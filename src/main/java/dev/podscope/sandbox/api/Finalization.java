package dev.podscope.sandbox.api;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.StoreException;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/**
 * Removes an object whose deletion was only waiting for its finalizers: once the last finalizer is gone and no
 * grace period is running (a terminating pod waits for its kubelet instead), the API server deletes it.
 */
final class Finalization {
    private final ClusterStore store;

    Finalization(ClusterStore store) {
        this.store = store;
    }

    <T extends KubernetesObject> StoredObject<T> removeIfFinished(ResourceType<T> type, StoredObject<T> stored) {
        V1ObjectMeta meta = stored.object().getMetadata();
        boolean finished = meta.getDeletionTimestamp() != null
                && (meta.getFinalizers() == null || meta.getFinalizers().isEmpty())
                && (meta.getDeletionGracePeriodSeconds() == null || meta.getDeletionGracePeriodSeconds() == 0);
        if (!finished) {
            return stored;
        }
        try {
            return store.delete(type, meta.getNamespace(), meta.getName());
        } catch (StoreException e) {
            if (e.code() == 404) {
                return stored;
            }
            throw e;
        }
    }
}
