package dev.podscope.sandbox.sim;

import dev.podscope.format.PodSummary;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the simulated cluster answers what the API server does: pods created, pods marked for deletion. */
class ClusterReactionsTest {
    private static SimulatedCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = SimulatedCluster.fast();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void podCreatedThroughTheApiIsScheduledAndRuns() {
        PodRef ref = createLikeTheApiServer("hello", List.of());

        List<String> stages = new ArrayList<>();
        for (V1Pod version : cluster.historyOf(ref, p -> PodConditions.isTrue(p, "Ready"))) {
            String stage = stage(version);
            if (stages.isEmpty() || !stages.getLast().equals(stage)) {
                stages.add(stage);
            }
        }
        assertThat(stages).containsExactly("unscheduled", "scheduled", "ContainerCreating", "started", "ready");

        V1Pod pod = cluster.pod(ref);
        assertThat(pod.getSpec().getNodeName()).startsWith("sandbox-worker-");
        assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
        assertThat(pod.getStatus().getPodIP()).startsWith("10.244.");
        assertThat(pod.getStatus().getContainerStatuses().getFirst().getState().getRunning()).isNotNull();
        assertThat(PodConditions.find(pod.getStatus(), "PodScheduled").getStatus()).isEqualTo("True");

        List<String> reasons = cluster.events(ref).stream().map(CoreV1Event::getReason).toList();
        assertThat(reasons).contains("Scheduled", "Created", "Started").containsAnyOf("Pulling", "Pulled");
        CoreV1Event scheduled = cluster.events(ref).stream().filter(e -> "Scheduled".equals(e.getReason()))
                .findFirst().orElseThrow();
        assertThat(scheduled.getMessage()).isEqualTo("Successfully assigned default/hello to "
                + pod.getSpec().getNodeName());
        assertThat(scheduled.getReportingComponent()).isEqualTo("default-scheduler");
        CoreV1Event started = cluster.events(ref).stream().filter(e -> "Started".equals(e.getReason()))
                .findFirst().orElseThrow();
        assertThat(started.getInvolvedObject().getFieldPath()).isEqualTo("spec.containers{hello}");
        assertThat(started.getSource().getHost()).isEqualTo(pod.getSpec().getNodeName());
    }

    @Test
    void deletedReplicaSetPodIsStoppedRemovedAndReplaced() {
        PodRef victim = cluster.scenario(Scenario.RUNNING);
        V1Pod old = cluster.pod(victim);
        String rsName = old.getMetadata().getOwnerReferences().getFirst().getName();
        List<String> before = webPodNames();

        markDeletedLikeTheApiServer(victim);
        cluster.awaitGone(victim);

        assertThat(cluster.events(victim)).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("Killing");
            assertThat(e.getMessage()).isEqualTo("Stopping container nginx");
        });
        V1Pod replacement = cluster.awaitAny(Resources.PODS, "default", "a ready replacement", p ->
                p.getMetadata().getName().startsWith(rsName + "-") && !before.contains(p.getMetadata().getName())
                        && PodConditions.isTrue(p, "Ready"));
        assertThat(replacement.getMetadata().getName()).matches(rsName + "-[a-z0-9]{5}");
        assertThat(replacement.getMetadata().getOwnerReferences().getFirst().getUid())
                .isEqualTo(old.getMetadata().getOwnerReferences().getFirst().getUid());
        assertThat(replacement.getMetadata().getLabels()).containsEntry("pod-template-hash",
                old.getMetadata().getLabels().get("pod-template-hash"));

        V1ReplicaSet rs = cluster.awaitAny(Resources.REPLICASETS, "default", "web to count 3 ready replicas again",
                r -> rsName.equals(r.getMetadata().getName()) && Integer.valueOf(3).equals(r.getStatus().getReadyReplicas())
                        && r.getStatus().getReplicas() == 3);
        assertThat(rs.getStatus().getAvailableReplicas()).isEqualTo(3);
        V1Deployment web = cluster.awaitAny(Resources.DEPLOYMENTS, "default", "deployment web to be available",
                d -> "web".equals(d.getMetadata().getName())
                        && Integer.valueOf(3).equals(d.getStatus().getReadyReplicas()));
        assertThat(web.getStatus().getAvailableReplicas()).isEqualTo(3);
        assertThat(cluster.store.list(Resources.EVENTS, "default").items()).anySatisfy(e -> {
            assertThat(e.object().getReason()).isEqualTo("SuccessfulCreate");
            assertThat(e.object().getInvolvedObject().getKind()).isEqualTo("ReplicaSet");
            assertThat(e.object().getMessage()).isEqualTo("Created pod: " + replacement.getMetadata().getName());
        });
    }

    @Test
    void finalizersKeepDeletedPodsUntilRemoved() {
        PodRef held = createLikeTheApiServer("held", List.of("example.com/keep"));
        PodRef control = createLikeTheApiServer("control", List.of());
        PodRef stuck = cluster.scenario(Scenario.STUCK_TERMINATING);
        cluster.awaitPod(held, "held to run", p -> p != null && PodConditions.isTrue(p, "Ready"));
        cluster.awaitPod(control, "control to run", p -> p != null && PodConditions.isTrue(p, "Ready"));

        // The simulator handles changes in order on one thread, with equal grace periods: once the control pod
        // (marked last) is gone, the kubelet has already finished with the held and the stuck pod.
        cluster.store.modify(Resources.PODS, stuck.namespace(), stuck.name(), p -> {
            p.getMetadata().putLabelsItem("touched", "true");
            return p;
        });
        markDeletedLikeTheApiServer(held);
        markDeletedLikeTheApiServer(control);
        cluster.awaitGone(control);

        V1Pod stillThere = cluster.pod(held);
        assertThat(stillThere.getStatus().getContainerStatuses().getFirst().getState().getTerminated()).isNotNull();
        assertThat(PodSummary.of(stillThere).reason()).isEqualTo("Terminating");
        assertThat(cluster.events(held)).anySatisfy(e -> assertThat(e.getReason()).isEqualTo("Killing"));
        assertThat(cluster.pod(stuck).getMetadata().getFinalizers()).containsExactly("podscope.dev/stuck");

        cluster.store.modify(Resources.PODS, held.namespace(), held.name(), p -> {
            p.getMetadata().setFinalizers(new ArrayList<>());
            return p;
        });
        cluster.awaitGone(held);
        assertThat(cluster.findPod(stuck)).isPresent();
    }

    @Test
    void behaviorAnnotationMakesAnApiPodFail() {
        V1Pod pod = new V1Pod().apiVersion("v1").kind("Pod")
                .metadata(new V1ObjectMeta().name("greedy").namespace("batch")
                        .putAnnotationsItem(Behavior.ANNOTATION, Behavior.OOM_KILLED.value()))
                .spec(new V1PodSpec().containers(List.of(new V1Container().name("greedy").image("busybox:1.37")))
                        .restartPolicy("Never"))
                .status(new V1PodStatus().phase("Pending"));
        cluster.store.create(Resources.PODS, pod);
        PodRef ref = new PodRef("batch", "greedy");

        V1Pod failed = cluster.awaitPod(ref, "greedy to fail", p -> p != null && PodStatuses.isTerminal(p));
        assertThat(failed.getStatus().getPhase()).isEqualTo("Failed");
        var terminated = failed.getStatus().getContainerStatuses().getFirst().getState().getTerminated();
        assertThat(terminated.getExitCode()).isEqualTo(137);
        assertThat(terminated.getReason()).isEqualTo("OOMKilled");
        assertThat(terminated.getFinishedAt()).isAfterOrEqualTo(terminated.getStartedAt());
        assertThat(PodConditions.find(failed.getStatus(), "Ready").getReason()).isEqualTo("PodFailed");
    }

    private static String stage(V1Pod pod) {
        if (pod.getSpec().getNodeName() == null) {
            return "unscheduled";
        }
        var statuses = pod.getStatus().getContainerStatuses();
        if (statuses == null || statuses.isEmpty()) {
            return "scheduled";
        }
        var state = statuses.getFirst().getState();
        if (state.getWaiting() != null) {
            return state.getWaiting().getReason();
        }
        return PodConditions.isTrue(pod, "Ready") ? "ready" : "started";
    }

    private static List<String> webPodNames() {
        return cluster.pods("default").stream().map(p -> p.getMetadata().getName())
                .filter(n -> n.startsWith("web-")).toList();
    }

    /** What the API server stores for a POSTed pod: defaults, phase Pending, no node. */
    private static PodRef createLikeTheApiServer(String name, List<String> finalizers) {
        V1Pod pod = new V1Pod().apiVersion("v1").kind("Pod")
                .metadata(new V1ObjectMeta().name(name).namespace("default").finalizers(new ArrayList<>(finalizers)))
                .spec(new V1PodSpec().containers(List.of(new V1Container().name(name).image("nginx:1.27.3")
                                .imagePullPolicy("IfNotPresent")))
                        .restartPolicy("Always").schedulerName("default-scheduler").terminationGracePeriodSeconds(30L))
                .status(new V1PodStatus().phase("Pending").qosClass("BestEffort"));
        cluster.store.create(Resources.PODS, pod);
        return new PodRef("default", name);
    }

    /** What the API server does on DELETE of a running pod: set the deletion timestamp and grace period. */
    private static void markDeletedLikeTheApiServer(PodRef ref) {
        cluster.store.modify(Resources.PODS, ref.namespace(), ref.name(), p -> {
            p.getMetadata().deletionTimestamp(cluster.store.now().plusSeconds(30)).deletionGracePeriodSeconds(30L);
            return p;
        });
    }
}
