package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import dev.podscope.format.WireJson;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentStatus;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The Deployment controller's rolling update (maxSurge and maxUnavailable 25%, as the sandbox's Deployments are
 * set up): the newest ReplicaSet is scaled up while the total stays within the surge, old ones are scaled down
 * while enough pods stay available, and old ReplicaSets beyond the revision history limit are removed.
 */
final class DeploymentController {
    static final String COMPONENT = "deployment-controller";
    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
    private static final int DEFAULT_HISTORY_LIMIT = 10;
    private static final Comparator<V1ReplicaSet> OLDEST_FIRST =
            Comparator.comparing((V1ReplicaSet rs) -> rs.getMetadata().getCreationTimestamp())
                    .thenComparing(rs -> rs.getMetadata().getName());

    private final SimContext ctx;
    private final BiConsumer<String, String> replicaSetScaled;

    DeploymentController(SimContext ctx, BiConsumer<String, String> replicaSetScaled) {
        this.ctx = ctx;
        this.replicaSetScaled = replicaSetScaled;
    }

    /**
     * What {@code kubectl rollout restart} sets off: a restartedAt annotation on the pod template, so a new
     * ReplicaSet (named by {@code hash}) takes over from the current one. Returns false, doing nothing, when the
     * Deployment does not exist or is still rolling out.
     */
    boolean restart(String namespace, String name, String hash) {
        V1Deployment deployment = find(namespace, name, null);
        if (deployment == null) {
            return false;
        }
        List<V1ReplicaSet> replicaSets = replicaSetsOf(deployment);
        if (rollingOut(deployment, replicaSets)) {
            return false;
        }
        int revision = 1 + replicaSets.stream().mapToInt(ReplicaSets::revision)
                .reduce(ReplicaSets.revision(deployment), Math::max);
        OffsetDateTime now = ctx.timeline().now();
        V1Deployment updated = ctx.store().modify(Resources.DEPLOYMENTS, namespace, name, d -> {
            d.getSpec().getTemplate().getMetadata().putAnnotationsItem(RESTARTED_AT, WireJson.time(now.toInstant()));
            d.getMetadata().setGeneration(d.getMetadata().getGeneration() + 1);
            d.getMetadata().putAnnotationsItem(ReplicaSets.REVISION, Integer.toString(revision));
            return d;
        }).object();
        V1PodTemplateSpec template = JSON.deserialize(JSON.serialize(updated.getSpec().getTemplate()),
                V1PodTemplateSpec.class);
        ctx.store().create(Resources.REPLICASETS,
                ReplicaSets.of(updated, template, hash, revision, 0, ctx.naming().uid(), now));
        sync(namespace, name, updated.getMetadata().getUid());
        return true;
    }

    void sync(String namespace, String name, String uid) {
        V1Deployment deployment = find(namespace, name, uid);
        if (deployment == null) {
            return;
        }
        List<V1ReplicaSet> replicaSets = replicaSetsOf(deployment);
        if (replicaSets.isEmpty()) {
            return;
        }
        V1ReplicaSet newest = newest(replicaSets);
        List<V1ReplicaSet> old = new ArrayList<>(replicaSets);
        old.remove(newest);
        old.sort(OLDEST_FIRST);
        newest = scaleUpNewest(deployment, newest, old);
        scaleDownOld(deployment, newest, old);
        List<V1ReplicaSet> current = new ArrayList<>(old);
        current.add(newest);
        V1DeploymentStatus status = WorkloadStatus.deployment(deployment, current, ctx.timeline().now());
        if (!Objects.equals(status, deployment.getStatus())) {
            ctx.store().modify(Resources.DEPLOYMENTS, namespace, name, d -> {
                d.setStatus(status);
                return d;
            });
        }
        removeBeyondHistoryLimit(deployment, old);
    }

    private V1ReplicaSet scaleUpNewest(V1Deployment deployment, V1ReplicaSet newest, List<V1ReplicaSet> old) {
        int desired = ReplicaSets.desired(deployment);
        int scaled = ReplicaSets.specReplicas(newest);
        int total = scaled + old.stream().mapToInt(ReplicaSets::specReplicas).sum();
        int room = desired + ReplicaSets.maxSurge(desired) - total;
        if (scaled >= desired || room <= 0) {
            return newest;
        }
        return scale(deployment, newest, scaled + Math.min(room, desired - scaled));
    }

    private void scaleDownOld(V1Deployment deployment, V1ReplicaSet newest, List<V1ReplicaSet> old) {
        int desired = ReplicaSets.desired(deployment);
        int minAvailable = desired - ReplicaSets.maxUnavailable(desired);
        int total = ReplicaSets.specReplicas(newest) + old.stream().mapToInt(ReplicaSets::specReplicas).sum();
        int newUnavailable = ReplicaSets.specReplicas(newest) - ReplicaSets.availableReplicas(newest);
        int available = ReplicaSets.availableReplicas(newest)
                + old.stream().mapToInt(ReplicaSets::availableReplicas).sum();
        if (total - minAvailable - newUnavailable <= 0) {
            return;
        }
        int budget = available - minAvailable;
        for (int i = 0; i < old.size() && budget > 0; i++) {
            int scaled = ReplicaSets.specReplicas(old.get(i));
            if (scaled > 0) {
                int down = Math.min(budget, scaled);
                old.set(i, scale(deployment, old.get(i), scaled - down));
                budget -= down;
            }
        }
    }

    private V1ReplicaSet scale(V1Deployment deployment, V1ReplicaSet rs, int replicas) {
        int desired = ReplicaSets.desired(deployment);
        int from = ReplicaSets.specReplicas(rs);
        V1ReplicaSet scaled = ctx.store().modify(Resources.REPLICASETS, rs.getMetadata().getNamespace(),
                rs.getMetadata().getName(), r -> {
                    r.getSpec().setReplicas(replicas);
                    r.getMetadata().putAnnotationsItem(ReplicaSets.DESIRED_REPLICAS, Integer.toString(desired));
                    r.getMetadata().putAnnotationsItem(ReplicaSets.MAX_REPLICAS,
                            Integer.toString(desired + ReplicaSets.maxSurge(desired)));
                    return r;
                }).object();
        ctx.events().object(deployment, "Deployment", "apps/v1", COMPONENT, EventRecorder.NORMAL,
                "ScalingReplicaSet", "Scaled " + (replicas > from ? "up" : "down") + " replica set "
                        + rs.getMetadata().getName() + " from " + from + " to " + replicas);
        replicaSetScaled.accept(rs.getMetadata().getNamespace(), rs.getMetadata().getName());
        return scaled;
    }

    private void removeBeyondHistoryLimit(V1Deployment deployment, List<V1ReplicaSet> old) {
        Integer configured = deployment.getSpec().getRevisionHistoryLimit();
        int limit = configured == null ? DEFAULT_HISTORY_LIMIT : configured;
        List<V1ReplicaSet> idle = old.stream().filter(rs -> ReplicaSets.specReplicas(rs) == 0
                && (rs.getStatus() == null || rs.getStatus().getReplicas() == 0)).toList();
        for (V1ReplicaSet rs : idle.subList(0, Math.max(0, idle.size() - limit))) {
            ctx.store().delete(Resources.REPLICASETS, rs.getMetadata().getNamespace(), rs.getMetadata().getName());
            ctx.events().forget(rs.getMetadata().getUid());
        }
    }

    private boolean rollingOut(V1Deployment deployment, List<V1ReplicaSet> replicaSets) {
        if (replicaSets.isEmpty()) {
            return true;
        }
        V1ReplicaSet newest = newest(replicaSets);
        int desired = ReplicaSets.desired(deployment);
        return ReplicaSets.specReplicas(newest) != desired || ReplicaSets.availableReplicas(newest) < desired
                || replicaSets.stream().anyMatch(rs -> rs != newest && ReplicaSets.specReplicas(rs) > 0);
    }

    private V1Deployment find(String namespace, String name, String uid) {
        ClusterStore store = ctx.store();
        return store.get(Resources.DEPLOYMENTS, namespace, name).map(StoredObject::object)
                .filter(d -> uid == null || uid.equals(d.getMetadata().getUid())).orElse(null);
    }

    private List<V1ReplicaSet> replicaSetsOf(V1Deployment deployment) {
        String uid = deployment.getMetadata().getUid();
        return ctx.store().list(Resources.REPLICASETS, deployment.getMetadata().getNamespace()).items().stream()
                .map(StoredObject::object).filter(rs -> Owners.controlledBy(rs, uid)).toList();
    }

    private static V1ReplicaSet newest(List<V1ReplicaSet> replicaSets) {
        return replicaSets.stream().max(Comparator.comparingInt(ReplicaSets::revision)).orElseThrow();
    }
}
