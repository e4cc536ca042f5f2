package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoreEvent;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.V1Pod;

/**
 * Routes each pod change to the component a real cluster would wake: the scheduler for unbound pods, the kubelet
 * for bound or deleted pods, the workload controllers for pods they own. Runs on the simulator thread.
 */
final class PodReactions {
    private final SimContext ctx;
    private final Scheduler scheduler;
    private final Kubelet kubelet;
    private final WorkloadControllers controllers;
    private final EndpointsController endpoints;

    PodReactions(SimContext ctx, Scheduler scheduler, Kubelet kubelet, WorkloadControllers controllers,
                 EndpointsController endpoints) {
        this.ctx = ctx;
        this.scheduler = scheduler;
        this.kubelet = kubelet;
        this.controllers = controllers;
        this.endpoints = endpoints;
    }

    void on(StoreEvent event) {
        V1Pod pod = (V1Pod) event.object();
        if (event.type() == StoreEvent.Type.DELETED) {
            String uid = pod.getMetadata().getUid();
            kubelet.forget(uid);
            scheduler.forget(uid);
            ctx.events().forget(uid);
        } else {
            react(pod);
        }
        controllers.podChanged(pod);
        endpoints.podChanged(pod);
    }

    /** Reconsiders every pod, after the watch lost track of changes (overflow or compaction). */
    void resync() {
        for (StoredObject<V1Pod> stored : ctx.store().list(Resources.PODS, null).items()) {
            react(stored.object());
            controllers.podChanged(stored.object());
        }
        endpoints.resync();
    }

    private void react(V1Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            kubelet.deletionRequested(pod);
        } else if (pod.getSpec().getNodeName() == null) {
            scheduler.schedule(pod);
        } else if (kubelet.wantsToStart(pod)) {
            kubelet.start(pod);
        }
    }
}
