package dev.podscope.sandbox.sim;

import dev.podscope.format.PodSummary;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario pods' lifecycles, observed through store watches on one fast-running demo cluster. */
class PodLifecycleTest {
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
    void initContainersRunOneAfterTheOtherBeforeTheApp() {
        PodRef ref = cluster.scenario(Scenario.INIT_CONTAINERS);
        List<V1Pod> history = cluster.historyOf(ref, p -> PodConditions.isTrue(p, "Ready"));

        assertThat(distinctStatuses(history)).containsExactly("Pending", "Init:0/2", "Init:1/2", "PodInitializing",
                "Running");
        V1Pod running = history.getLast();
        assertThat(PodSummary.of(running).readyContainers()).isEqualTo(1);
        assertThat(running.getStatus().getInitContainerStatuses()).allSatisfy(cs -> {
            assertThat(cs.getState().getTerminated().getReason()).isEqualTo("Completed");
            assertThat(cs.getState().getTerminated().getExitCode()).isZero();
        });
        assertThat(PodConditions.find(running.getStatus(), "Initialized").getStatus()).isEqualTo("True");
    }

    /** The STATUS column kubectl prints for each version, repeats dropped. */
    /** READY, STATUS and RESTARTS of each version that changes one of them, as {@code kubectl get -w} prints rows. */
    private static List<String> watchedRows(List<V1Pod> history) {
        List<String> rows = new ArrayList<>();
        for (V1Pod pod : history) {
            PodSummary summary = PodSummary.of(pod);
            String row = summary.readyContainers() + "/" + summary.totalContainers() + " " + summary.reason() + " "
                    + summary.restarts();
            if (rows.isEmpty() || !rows.getLast().equals(row)) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> distinctStatuses(List<V1Pod> history) {
        List<String> statuses = new ArrayList<>();
        for (V1Pod pod : history) {
            String status = PodSummary.of(pod).reason();
            if (statuses.isEmpty() || !statuses.getLast().equals(status)) {
                statuses.add(status);
            }
        }
        return statuses;
    }

    @Test
    void crashLoopRestartsWithDoublingBackOff() {
        PodRef ref = cluster.scenario(Scenario.CRASH_LOOP);
        List<V1Pod> history = cluster.historyOf(ref, p -> mainStatus(p) != null && mainStatus(p).getRestartCount() >= 3
                && waitingReason(p) != null);

        List<String> backOffs = new ArrayList<>();
        int lastRestarts = 0;
        for (V1Pod pod : history) {
            V1ContainerStatus cs = mainStatus(pod);
            if (cs == null) {
                continue;
            }
            assertThat(cs.getRestartCount()).isGreaterThanOrEqualTo(lastRestarts);
            lastRestarts = cs.getRestartCount();
            if ("CrashLoopBackOff".equals(waitingReason(pod))) {
                String message = cs.getState().getWaiting().getMessage();
                String backOff = message.substring(0, message.indexOf(' ', "back-off ".length()));
                if (backOffs.isEmpty() || !backOffs.getLast().equals(backOff)) {
                    backOffs.add(backOff);
                }
                assertThat(message).endsWith(" restarting failed container=checkout pod=" + ref.name() + "_shop("
                        + pod.getMetadata().getUid() + ")");
                assertThat(cs.getLastState().getTerminated().getExitCode()).isEqualTo(1);
                assertThat(cs.getLastState().getTerminated().getReason()).isEqualTo("Error");
                assertThat(cs.getLastState().getTerminated().getFinishedAt()).isNotNull();
                assertThat(cs.getReady()).isFalse();
            }
        }
        assertThat(backOffs).startsWith("back-off 10s", "back-off 20s", "back-off 40s");
        assertThat(history.getLast().getStatus().getPhase()).isEqualTo("Running");
        // what kubectl get pods -w shows for a real crash-looping pod: the first restart comes at once
        assertThat(watchedRows(history)).startsWith("0/1 Pending 0", "0/1 ContainerCreating 0", "0/1 Running 0",
                "0/1 Error 0", "0/1 Running 1", "0/1 Error 1", "0/1 CrashLoopBackOff 1", "0/1 Running 2",
                "0/1 Error 2", "0/1 CrashLoopBackOff 2", "0/1 Running 3", "0/1 Error 3", "0/1 CrashLoopBackOff 3");
        assertThat(PodSummary.of(history.getLast()).restarts()).isEqualTo(3);

        CoreV1Event backOff = cluster.events(ref).stream().filter(e -> "BackOff".equals(e.getReason()))
                .findFirst().orElseThrow();
        assertThat(backOff.getType()).isEqualTo("Warning");
        assertThat(backOff.getCount()).isGreaterThanOrEqualTo(3);
        assertThat(backOff.getMetadata().getName()).matches(ref.name() + "\\.[0-9a-f]+");
        assertThat(backOff.getInvolvedObject().getFieldPath()).isEqualTo("spec.containers{checkout}");
        assertThat(backOff.getLastTimestamp()).isAfterOrEqualTo(backOff.getFirstTimestamp());
        assertThat(cluster.events(ref).stream().filter(e -> "BackOff".equals(e.getReason()))).hasSize(1);
    }

    @Test
    void imagePullThatFailedForHoursGoesOnFailingAndBackingOff() {
        PodRef ref = cluster.scenario(Scenario.IMAGE_PULL_BACKOFF);
        boolean[] pulledAgain = {false};
        List<V1Pod> history = cluster.historyOf(ref, p -> {
            pulledAgain[0] |= "ErrImagePull".equals(waitingReason(p));
            return pulledAgain[0] && "ImagePullBackOff".equals(waitingReason(p));
        });
        assertThat(distinctStatuses(history)).containsExactly("ImagePullBackOff", "ErrImagePull", "ImagePullBackOff");
        V1Pod pod = history.getLast();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(mainStatus(pod).getState().getWaiting().getMessage())
                .isEqualTo("Back-off pulling image \"registry.example.com/shop/payments:v9.9.9\"");
        V1Pod failing = history.stream().filter(p -> "ErrImagePull".equals(waitingReason(p))).findFirst()
                .orElseThrow();
        assertThat(mainStatus(failing).getState().getWaiting().getMessage())
                .contains("registry.example.com/shop/payments:v9.9.9: not found");

        // the recorder goes on counting the Events of the hours before the simulator started
        CoreV1Event initial = cluster.changesSinceStart(Resources.EVENTS, ref.namespace()).stream()
                .map(e -> (CoreV1Event) e.object())
                .filter(e -> ref.name().equals(e.getInvolvedObject().getName())
                        && "Error: ErrImagePull".equals(e.getMessage()))
                .findFirst().orElseThrow();
        List<CoreV1Event> events = cluster.events(ref);
        assertThat(events).hasSize(5);
        CoreV1Event errImagePull = events.stream().filter(e -> "Error: ErrImagePull".equals(e.getMessage()))
                .findFirst().orElseThrow();
        assertThat(errImagePull.getMetadata().getName()).isEqualTo(initial.getMetadata().getName());
        assertThat(errImagePull.getCount()).isGreaterThan(initial.getCount());
        assertThat(errImagePull.getFirstTimestamp()).isEqualTo(initial.getFirstTimestamp());
        assertThat(events).filteredOn(e -> e.getReason().equals("Pulling")).singleElement()
                .satisfies(e -> assertThat(e.getCount()).isEqualTo(errImagePull.getCount()));
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("Failed");
            assertThat(e.getType()).isEqualTo("Warning");
            assertThat(e.getMessage()).startsWith("Failed to pull image \"registry.example.com/shop/payments:v9.9.9\"");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("BackOff");
            assertThat(e.getMessage()).isEqualTo("Back-off pulling image \"registry.example.com/shop/payments:v9.9.9\"");
        });
    }

    @Test
    void failingReadinessProbeKeepsARunningPodUnready() {
        PodRef ref = cluster.scenario(Scenario.NOT_READY);
        int before = cluster.events(ref).getFirst().getCount();
        CoreV1Event unhealthy = cluster.awaitAny(Resources.EVENTS, ref.namespace(), "Unhealthy to go on",
                e -> ref.name().equals(e.getInvolvedObject().getName()) && "Unhealthy".equals(e.getReason())
                        && e.getCount() > before + 1);
        assertThat(cluster.events(ref)).hasSize(1);
        assertThat(unhealthy.getType()).isEqualTo("Warning");
        assertThat(unhealthy.getMessage()).isEqualTo("Readiness probe failed: HTTP probe failed with statuscode: 500");
        assertThat(unhealthy.getSource().getComponent()).isEqualTo("kubelet");
        assertThat(unhealthy.getSource().getHost()).startsWith("sandbox-");

        V1Pod pod = cluster.pod(ref);
        assertThat(PodSummary.of(pod).reason()).isEqualTo("Running");
        assertThat(PodSummary.of(pod).readyContainers()).isZero();
        assertThat(mainStatus(pod).getState().getRunning()).isNotNull();
        assertThat(mainStatus(pod).getReady()).isFalse();
        for (String type : List.of("Ready", "ContainersReady")) {
            V1PodCondition condition = PodConditions.find(pod.getStatus(), type);
            assertThat(condition.getStatus()).isEqualTo("False");
            assertThat(condition.getReason()).isEqualTo("ContainersNotReady");
            assertThat(condition.getMessage()).isEqualTo("containers with unready status: [recommendations]");
        }
    }

    @Test
    void jobPodRunsToCompletion() {
        PodRef ref = cluster.scenario(Scenario.JOB_RUNS_TO_COMPLETION);
        V1Pod pod = cluster.awaitPod(ref, "the backup to complete",
                p -> p != null && "Succeeded".equals(p.getStatus().getPhase()));
        assertThat(PodSummary.of(pod).reason()).isEqualTo("Completed");
        V1ContainerStatus cs = mainStatus(pod);
        assertThat(cs.getState().getTerminated().getReason()).isEqualTo("Completed");
        assertThat(cs.getState().getTerminated().getExitCode()).isZero();
        V1PodCondition ready = PodConditions.find(pod.getStatus(), "Ready");
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo("PodCompleted");

        V1Job job = cluster.awaitAny(Resources.JOBS, "batch", "db-backup to count its success",
                j -> "db-backup".equals(j.getMetadata().getName()) && j.getStatus().getSucceeded() != null);
        assertThat(job.getStatus().getSucceeded()).isEqualTo(1);
        assertThat(job.getStatus().getActive()).isNull();
        assertThat(job.getStatus().getCompletionTime()).isNotNull();
        assertThat(job.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Complete");
            assertThat(c.getStatus()).isEqualTo("True");
        });
    }

    @Test
    void podThatFitsNowhereStaysPendingAndUnschedulable() {
        PodRef ref = cluster.scenario(Scenario.UNSCHEDULABLE);
        String message = "0/4 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: },"
                + " 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for"
                + " scheduling, 3 No preemption victims found for incoming pod.";
        V1Pod pod = cluster.awaitPod(ref, "PodScheduled=False", p -> p != null
                && PodConditions.find(p.getStatus(), "PodScheduled") != null);
        V1PodCondition scheduled = PodConditions.find(pod.getStatus(), "PodScheduled");
        assertThat(scheduled.getStatus()).isEqualTo("False");
        assertThat(scheduled.getReason()).isEqualTo("Unschedulable");
        assertThat(scheduled.getMessage()).isEqualTo(message);
        assertThat(pod.getSpec().getNodeName()).isNull();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");

        CoreV1Event failed = cluster.awaitAny(Resources.EVENTS, ref.namespace(), "FailedScheduling",
                e -> ref.name().equals(e.getInvolvedObject().getName()));
        assertThat(failed.getReason()).isEqualTo("FailedScheduling");
        assertThat(failed.getType()).isEqualTo("Warning");
        assertThat(failed.getMessage()).isEqualTo(message);
        assertThat(failed.getSource().getComponent()).isEqualTo("default-scheduler");
        assertThat(failed.getInvolvedObject().getUid()).isEqualTo(pod.getMetadata().getUid());
    }

    private static V1ContainerStatus mainStatus(V1Pod pod) {
        List<V1ContainerStatus> statuses = pod.getStatus().getContainerStatuses();
        return statuses == null || statuses.isEmpty() ? null : statuses.getFirst();
    }

    private static String waitingReason(V1Pod pod) {
        V1ContainerStatus cs = mainStatus(pod);
        return cs == null || cs.getState().getWaiting() == null ? null : cs.getState().getWaiting().getReason();
    }
}
