package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentStatus;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobStatus;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetStatus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The ReplicaSet, Deployment and Job controllers: a change to an owned pod marks its owner, and shortly after
 * each marked owner is reconciled once — missing ReplicaSet pods are replaced, statuses recounted.
 */
final class WorkloadControllers {
    private static final double SYNC_DELAY_SECONDS = 0.1;

    private final SimContext ctx;
    private final Set<Owner> dirty = new LinkedHashSet<>();
    private boolean syncPending;

    private record Owner(String kind, String namespace, String name) {
    }

    WorkloadControllers(SimContext ctx) {
        this.ctx = ctx;
    }

    void podChanged(V1Pod pod) {
        V1OwnerReference ref = Owners.controllerOf(pod).orElse(null);
        if (ref == null || !("ReplicaSet".equals(ref.getKind()) || "Job".equals(ref.getKind()))) {
            return;
        }
        dirty.add(new Owner(ref.getKind(), pod.getMetadata().getNamespace(), ref.getName()));
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
            if ("ReplicaSet".equals(owner.kind())) {
                syncReplicaSet(owner.namespace(), owner.name());
            } else {
                syncJob(owner.namespace(), owner.name());
            }
        }
    }

    private void syncReplicaSet(String namespace, String name) {
        ClusterStore store = ctx.store();
        V1ReplicaSet rs = store.get(Resources.REPLICASETS, namespace, name).map(StoredObject::object).orElse(null);
        if (rs == null) {
            return;
        }
        List<V1Pod> owned = new ArrayList<>(ownedPods(namespace, rs.getMetadata().getUid()));
        long active = owned.stream().filter(WorkloadStatus::active).count();
        int desired = rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
        for (long i = active; i < desired; i++) {
            owned.add(createReplacement(rs));
        }
        V1ReplicaSetStatus status = WorkloadStatus.replicaSet(rs, owned);
        if (!Objects.equals(status, rs.getStatus())) {
            store.modify(Resources.REPLICASETS, namespace, name, r -> {
                r.setStatus(status);
                return r;
            });
        }
        Owners.controllerOf(rs).filter(r -> "Deployment".equals(r.getKind()))
                .ifPresent(d -> syncDeployment(namespace, d.getName(), d.getUid()));
    }

    private V1Pod createReplacement(V1ReplicaSet rs) {
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
        ctx.events().object(rs, "ReplicaSet", "apps/v1", "replicaset-controller", EventRecorder.NORMAL,
                "SuccessfulCreate", "Created pod: " + name);
        return created;
    }

    private void syncDeployment(String namespace, String name, String uid) {
        ClusterStore store = ctx.store();
        V1Deployment deployment = store.get(Resources.DEPLOYMENTS, namespace, name).map(StoredObject::object)
                .filter(d -> uid.equals(d.getMetadata().getUid())).orElse(null);
        if (deployment == null) {
            return;
        }
        List<V1ReplicaSet> replicaSets = store.list(Resources.REPLICASETS, namespace).items().stream()
                .map(StoredObject::object).filter(rs -> Owners.controlledBy(rs, uid)).toList();
        V1DeploymentStatus status = WorkloadStatus.deployment(deployment, replicaSets, ctx.timeline().now());
        if (!Objects.equals(status, deployment.getStatus())) {
            store.modify(Resources.DEPLOYMENTS, namespace, name, d -> {
                d.setStatus(status);
                return d;
            });
        }
    }

    private void syncJob(String namespace, String name) {
        V1Job job = ctx.store().get(Resources.JOBS, namespace, name).map(StoredObject::object).orElse(null);
        if (job == null) {
            return;
        }
        V1JobStatus status = WorkloadStatus.job(job, ownedPods(namespace, job.getMetadata().getUid()),
                ctx.timeline().now());
        if (Objects.equals(status, job.getStatus())) {
            return;
        }
        boolean completes = job.getStatus() == null || job.getStatus().getCompletionTime() == null;
        V1Job updated = ctx.store().modify(Resources.JOBS, namespace, name, j -> {
            j.setStatus(status);
            return j;
        }).object();
        if (completes && status.getCompletionTime() != null) {
            ctx.events().object(updated, "Job", "batch/v1", "job-controller", EventRecorder.NORMAL, "Completed",
                    "Job completed");
        }
    }

    private List<V1Pod> ownedPods(String namespace, String ownerUid) {
        return ctx.store().list(Resources.PODS, namespace).items().stream().map(StoredObject::object)
                .filter(p -> Owners.controlledBy(p, ownerUid)).toList();
    }
}
