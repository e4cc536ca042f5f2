package dev.podscope.sandbox.sim;

import dev.podscope.format.PodSummary;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoreEvent;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentCondition;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo cluster's churn: small Deployments restart in turn, a new ReplicaSet replacing the old one's pods. */
class RollingRestartTest {

    @Test
    void deploymentsRestartInTurnAndTheNewReplicaSetTakesOver() {
        try (SimulatedCluster c = SimulatedCluster.start(new SimulatorOptions().withTimeScale(0.02))) {
            List<RollingRestarts.Target> order = RollingRestarts.order(c.store, SimulatorOptions.DEFAULT_SEED);
            assertThat(order).hasSizeGreaterThanOrEqualTo(4)
                    .extracting(RollingRestarts.Target::name).contains("web", "frontend", "cart", "redis");
            RollingRestarts.Target first = order.getFirst();
            V1ReplicaSet oldRs = replicaSets(c, first).getFirst();
            List<V1Pod> oldPods = ownedBy(c, oldRs);
            int desired = oldPods.size();

            V1Deployment restarted = awaitRestarted(c, first);

            V1ReplicaSet newRs = replicaSets(c, first).stream()
                    .filter(rs -> !rs.getMetadata().getName().equals(oldRs.getMetadata().getName()))
                    .findFirst().orElseThrow();
            String hash = newRs.getMetadata().getLabels().get("pod-template-hash");
            assertThat(newRs.getMetadata().getName()).isEqualTo(first.name() + "-" + hash);
            assertThat(ReplicaSets.revision(newRs)).isEqualTo(ReplicaSets.revision(oldRs) + 1)
                    .isEqualTo(ReplicaSets.revision(restarted));
            assertThat(c.store.get(Resources.REPLICASETS, first.namespace(), oldRs.getMetadata().getName())
                    .orElseThrow().object().getSpec().getReplicas()).isZero();
            assertThat(restarted.getStatus().getUpdatedReplicas()).isEqualTo(desired);
            assertThat(restarted.getStatus().getObservedGeneration()).isEqualTo(restarted.getMetadata().getGeneration());
            V1DeploymentCondition progressing = restarted.getStatus().getConditions().stream()
                    .filter(cd -> "Progressing".equals(cd.getType())).findFirst().orElseThrow();
            assertThat(progressing.getMessage())
                    .isEqualTo("ReplicaSet \"" + newRs.getMetadata().getName() + "\" has successfully progressed.");

            List<V1Pod> newPods = ownedBy(c, newRs);
            assertThat(newPods).hasSize(desired).allSatisfy(p -> {
                assertThat(p.getMetadata().getLabels()).containsEntry("pod-template-hash", hash);
                assertThat(p.getMetadata().getAnnotations()).containsKey(DeploymentController.RESTARTED_AT);
                assertThat(PodSummary.of(p).reason()).isEqualTo("Running");
            });
            List<String> stages = stagesOf(c, newPods.getFirst());
            assertThat(stages).containsExactly("Pending", "ContainerCreating", "Running", "Ready");

            for (V1Pod old : oldPods) {
                PodRef ref = DemoApps.ref(old);
                c.awaitGone(ref);
                assertThat(versions(c, old)).anySatisfy(v -> assertThat(PodSummary.of(v).reason()).isEqualTo("Terminating"));
                assertThat(c.events(ref)).anySatisfy(e -> assertThat(e.getReason()).isEqualTo("Killing"));
            }
            List<String> deploymentEvents = eventsAbout(c, first, "Deployment", first.name());
            assertThat(deploymentEvents)
                    .contains("Scaled up replica set " + newRs.getMetadata().getName() + " from 0 to 1")
                    .anySatisfy(m -> assertThat(m).startsWith("Scaled down replica set " + oldRs.getMetadata().getName()
                            + " from ").endsWith(" to 0"));
            assertThat(eventsAbout(c, first, "ReplicaSet", oldRs.getMetadata().getName()))
                    .contains("Deleted pod: " + oldPods.getFirst().getMetadata().getName());

            awaitRestarted(c, order.get(1));
        }
    }

    @Test
    void restartOrderFollowsTheSeed() {
        List<String> first = restartOrder(new SimulatorOptions());
        assertThat(restartOrder(new SimulatorOptions())).isEqualTo(first);
        assertThat(restartOrder(new SimulatorOptions().withSeed(7))).isNotEqualTo(first);
    }

    private static List<String> restartOrder(SimulatorOptions options) {
        try (SimulatedCluster c = SimulatedCluster.frozen(options)) {
            return RollingRestarts.order(c.store, options.seed()).stream().map(t -> t.namespace() + "/" + t.name())
                    .toList();
        }
    }

    /** What {@code kubectl rollout status} waits for: the new generation observed and fully rolled out. */
    private static V1Deployment awaitRestarted(SimulatedCluster c, RollingRestarts.Target target) {
        return c.awaitAny(Resources.DEPLOYMENTS, target.namespace(), target.name() + " to restart", d -> {
            var annotations = d.getSpec().getTemplate().getMetadata().getAnnotations();
            int desired = ReplicaSets.desired(d);
            return d.getMetadata().getName().equals(target.name()) && annotations != null
                    && annotations.containsKey(DeploymentController.RESTARTED_AT) && d.getStatus() != null
                    && Objects.equals(d.getStatus().getObservedGeneration(), d.getMetadata().getGeneration())
                    && Objects.equals(d.getStatus().getUpdatedReplicas(), desired)
                    && Objects.equals(d.getStatus().getReplicas(), desired)
                    && Objects.equals(d.getStatus().getAvailableReplicas(), desired);
        });
    }

    private static List<V1ReplicaSet> replicaSets(SimulatedCluster c, RollingRestarts.Target target) {
        return c.store.list(Resources.REPLICASETS, target.namespace()).items().stream().map(StoredObject::object)
                .filter(rs -> rs.getMetadata().getName().startsWith(target.name() + "-"))
                .sorted(Comparator.comparingInt(ReplicaSets::revision)).toList();
    }

    private static List<V1Pod> ownedBy(SimulatedCluster c, V1ReplicaSet rs) {
        return c.pods(rs.getMetadata().getNamespace()).stream()
                .filter(p -> Owners.controlledBy(p, rs.getMetadata().getUid()))
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    private static List<V1Pod> versions(SimulatedCluster c, V1Pod pod) {
        List<V1Pod> versions = new ArrayList<>();
        for (StoreEvent e : c.changesSinceStart(Resources.PODS, pod.getMetadata().getNamespace())) {
            V1Pod version = (V1Pod) e.object();
            if (e.type() != StoreEvent.Type.DELETED && version.getMetadata().getUid().equals(pod.getMetadata().getUid())) {
                versions.add(version);
            }
        }
        return versions;
    }

    /** The pod's kubectl STATUS over time, with Ready told apart from merely Running. */
    private static List<String> stagesOf(SimulatedCluster c, V1Pod pod) {
        Set<String> stages = new LinkedHashSet<>();
        for (V1Pod v : versions(c, pod)) {
            String reason = PodSummary.of(v).reason();
            stages.add("Running".equals(reason) && PodConditions.isTrue(v, "Ready") ? "Ready" : reason);
        }
        return List.copyOf(stages);
    }

    private static List<String> eventsAbout(SimulatedCluster c, RollingRestarts.Target target, String kind,
                                            String name) {
        return c.store.list(Resources.EVENTS, target.namespace()).items().stream().map(StoredObject::object)
                .filter(e -> kind.equals(e.getInvolvedObject().getKind()) && name.equals(e.getInvolvedObject().getName()))
                .map(CoreV1Event::getMessage).toList();
    }
}
