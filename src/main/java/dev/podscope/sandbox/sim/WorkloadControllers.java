package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ReplicaSet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Wakes the ReplicaSet, Deployment and Job controllers as their informers would: a change to an owned pod (or a
 * Deployment's scaling of a ReplicaSet) marks the owner, and shortly after each marked owner is reconciled once;
 * a reconciled ReplicaSet then has its Deployment reconciled.
 */
final class WorkloadControllers {
    private static final double SYNC_DELAY_SECONDS = 0.1;

    private final SimContext ctx;
    private final ReplicaSetController replicaSets;
    private final DeploymentController deployments;
    private final JobController jobs;
    private final Set<Owner> dirty = new LinkedHashSet<>();
    private boolean syncPending;

    private record Owner(String kind, String namespace, String name) {
    }

    WorkloadControllers(SimContext ctx) {
        this.ctx = ctx;
        this.replicaSets = new ReplicaSetController(ctx);
        this.deployments = new DeploymentController(ctx, this::replicaSetChanged);
        this.jobs = new JobController(ctx);
    }

    DeploymentController deployments() {
        return deployments;
    }

    void podChanged(V1Pod pod) {
        V1OwnerReference ref = Owners.controllerOf(pod).orElse(null);
        if (ref != null && ("ReplicaSet".equals(ref.getKind()) || "Job".equals(ref.getKind()))) {
            mark(new Owner(ref.getKind(), pod.getMetadata().getNamespace(), ref.getName()));
        }
    }

    void replicaSetChanged(String namespace, String name) {
        mark(new Owner("ReplicaSet", namespace, name));
    }

    /** The pods in a namespace whose controller is the object with {@code ownerUid}. */
    static List<V1Pod> ownedPods(ClusterStore store, String namespace, String ownerUid) {
        List<V1Pod> owned = new ArrayList<>();
        for (StoredObject<V1Pod> stored : store.list(Resources.PODS, namespace).items()) {
            if (Owners.controlledBy(stored.object(), ownerUid)) {
                owned.add(stored.object());
            }
        }
        return owned;
    }

    private void mark(Owner owner) {
        dirty.add(owner);
        if (!syncPending) {
            syncPending = true;
            ctx.timeline().after(SYNC_DELAY_SECONDS, this::syncDirty);
        }
    }

    private void syncDirty() {
        syncPending = false;
        List<Owner> owners = new ArrayList<>(dirty);
        dirty.clear();
        for (Owner owner : owners) {
            if ("Job".equals(owner.kind())) {
                jobs.sync(owner.namespace(), owner.name());
                continue;
            }
            V1ReplicaSet rs = replicaSets.sync(owner.namespace(), owner.name());
            if (rs != null) {
                Owners.controllerOf(rs).filter(r -> "Deployment".equals(r.getKind()))
                        .ifPresent(d -> deployments.sync(owner.namespace(), d.getName(), d.getUid()));
            }
        }
    }
}
