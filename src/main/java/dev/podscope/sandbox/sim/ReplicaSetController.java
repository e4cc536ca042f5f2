package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The ReplicaSet controller: keeps as many active pods as the ReplicaSet asks for, creating missing ones from its
 * template and deleting surplus ones (the least established first, as upstream ranks them), and counts them.
 */
final class ReplicaSetController {
    static final String COMPONENT = "replicaset-controller";
    /** Upstream deletes unscheduled before scheduled, pending before running, unready before ready, young before old. */
    private static final Comparator<V1Pod> DELETE_FIRST = Comparator
            .comparing((V1Pod p) -> p.getSpec().getNodeName() != null)
            .thenComparing(p -> !PodStatuses.PENDING.equals(p.getStatus() == null ? null : p.getStatus().getPhase()))
            .thenComparing(WorkloadStatus::ready)
            .thenComparing(p -> p.getMetadata().getCreationTimestamp(), Comparator.reverseOrder());

    private final SimContext ctx;

    ReplicaSetController(SimContext ctx) {
        this.ctx = ctx;
    }

    /** Reconciles the ReplicaSet; returns it as it now stands, or null when it does not exist. */
    V1ReplicaSet sync(String namespace, String name) {
        ClusterStore store = ctx.store();
        V1ReplicaSet rs = store.get(Resources.REPLICASETS, namespace, name).map(StoredObject::object).orElse(null);
        if (rs == null) {
            return null;
        }
        List<V1Pod> owned = new ArrayList<>(WorkloadControllers.ownedPods(store, namespace, rs.getMetadata().getUid()));
        List<V1Pod> active = owned.stream().filter(WorkloadStatus::active).sorted(DELETE_FIRST).toList();
        int desired = ReplicaSets.specReplicas(rs);
        for (int i = active.size(); i < desired; i++) {
            owned.add(createPod(rs));
        }
        for (V1Pod surplus : active.subList(0, Math.max(0, active.size() - desired))) {
            owned.remove(surplus);
            V1Pod deleted = PodDeletion.delete(store, surplus, ctx.timeline().now());
            if (deleted != null) {
                owned.add(deleted);
            }
            ctx.events().object(rs, "ReplicaSet", "apps/v1", COMPONENT, EventRecorder.NORMAL, "SuccessfulDelete",
                    "Deleted pod: " + surplus.getMetadata().getName());
        }
        V1ReplicaSetStatus status = WorkloadStatus.replicaSet(rs, owned);
        if (Objects.equals(status, rs.getStatus())) {
            return rs;
        }
        return store.modify(Resources.REPLICASETS, namespace, name, r -> {
            r.setStatus(status);
            return r;
        }).object();
    }

    private V1Pod createPod(V1ReplicaSet rs) {
        String namespace = rs.getMetadata().getNamespace();
        String prefix = rs.getMetadata().getName() + "-";
        String name;
        do {
            name = prefix + ctx.naming().suffix();
        } while (ctx.store().get(Resources.PODS, namespace, name).isPresent());
        V1PodTemplateSpec template = JSON.deserialize(JSON.serialize(rs.getSpec().getTemplate()),
                V1PodTemplateSpec.class);
        V1OwnerReference owner = Owners.controller("apps/v1", "ReplicaSet", rs.getMetadata().getName(),
                rs.getMetadata().getUid());
        V1Pod pod = PodFactory.fromTemplate(template, namespace, name, prefix, owner, ctx.naming());
        V1Pod created = ctx.store().create(Resources.PODS, pod).object();
        ctx.events().object(rs, "ReplicaSet", "apps/v1", COMPONENT, EventRecorder.NORMAL,
                "SuccessfulCreate", "Created pod: " + name);
        return created;
    }
}
