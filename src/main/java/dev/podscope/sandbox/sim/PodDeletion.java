package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1Pod;

import java.time.OffsetDateTime;

/**
 * A controller's DELETE of a pod, as the API server carries it out: a pod on a node gets a deletionTimestamp and
 * grace period and is left to its kubelet; a pod that never reached a node is removed at once.
 */
final class PodDeletion {
    private static final long DEFAULT_GRACE_SECONDS = 30;

    private PodDeletion() {
    }

    /** Returns the pod as it now stands, marked for deletion or gone (null). */
    static V1Pod delete(ClusterStore store, V1Pod pod, OffsetDateTime now) {
        String namespace = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        String uid = pod.getMetadata().getUid();
        if (pod.getSpec().getNodeName() == null || PodStatuses.isTerminal(pod)) {
            store.delete(Resources.PODS, namespace, name);
            return null;
        }
        return store.modify(Resources.PODS, namespace, name, p -> {
            if (!uid.equals(p.getMetadata().getUid()) || p.getMetadata().getDeletionTimestamp() != null) {
                return null;
            }
            Long configured = p.getSpec().getTerminationGracePeriodSeconds();
            long grace = configured == null ? DEFAULT_GRACE_SECONDS : configured;
            p.getMetadata().deletionTimestamp(now.plusSeconds(grace)).deletionGracePeriodSeconds(grace);
            return p;
        }).object();
    }
}
