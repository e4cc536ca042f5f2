package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Probe;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The scenario pods that have been failing for a while when the simulator starts, in the state and with the Events
 * hours of failing leave. Only the repeating Events are there, counted since the pod began: the one-off ones
 * (Scheduled, Pulled, Created) would have expired, as the API server keeps Events for an hour after their last
 * repeat ({@link EventExpiry}). The pods are the caller's to add to the cluster; the kubelet goes on from where
 * they are, {@link #notReady} and {@link #imagePullBackOff} returning the seconds until the next repeat.
 */
final class AgedScenarios {
    /** From a pull's start to its ErrImagePull, and from there to the back-off, as the kubelet plays them. */
    private static final long PULL_SECONDS = 1;
    private static final long BACK_OFF_DELAY = 1;
    /** From a pod's creation to its first pull: binding and the pod sandbox. */
    private static final long FIRST_PULL_DELAY = 3;

    private AgedScenarios() {
    }

    /** Running since {@code created}, its readiness probe failing every period since. */
    static double notReady(PopulationContext p, V1Pod pod, OffsetDateTime created) {
        V1Container main = pod.getSpec().getContainers().getFirst();
        OffsetDateTime started = p.steady().started(pod, p.worker(), created);
        V1Probe probe = main.getReadinessProbe();
        long period = probe.getPeriodSeconds();
        OffsetDateTime first = started.plusSeconds(probe.getInitialDelaySeconds() + 1L);
        long repeats = Duration.between(first, p.now()).getSeconds() / period;
        OffsetDateTime last = first.plusSeconds(repeats * period);
        p.create(Resources.EVENTS, EventRecorder.podEvent(pod, main.getName(), EventRecorder.KUBELET,
                EventRecorder.WARNING, "Unhealthy", KubeletEvents.READINESS_FAILED, (int) repeats + 1, first, last));
        return period - Duration.between(last, p.now()).getSeconds();
    }

    /**
     * When a pod must have been created to have pulled an image that does not exist for about {@code age}, with
     * its next pull due in {@code untilNextPull} seconds (the back-off long since at its cap).
     */
    static OffsetDateTime pullingSince(PopulationContext p, Duration age, long untilNextPull) {
        PullSchedule schedule = PullSchedule.at(age.getSeconds());
        return p.now().plusSeconds(untilNextPull - schedule.nextPull() - FIRST_PULL_DELAY);
    }

    /**
     * Since its creation the pod has pulled and failed, backing off from 10 seconds, doubling, up to five minutes;
     * it now waits in ImagePullBackOff.
     */
    static double imagePullBackOff(PopulationContext p, V1Pod pod) {
        OffsetDateTime created = pod.getMetadata().getCreationTimestamp();
        OffsetDateTime firstPull = created.plusSeconds(FIRST_PULL_DELAY);
        PullSchedule schedule = PullSchedule.at(Duration.between(firstPull, p.now()).getSeconds());
        OffsetDateTime lastPull = firstPull.plusSeconds(schedule.lastPull());
        String node = p.worker();
        PodStatuses.bind(pod, node, created.plusSeconds(1));
        PodStatuses.sandbox(pod, SimNodes.get(node), p.nodes().nextPodIp(node), created.plusSeconds(2));
        V1Container main = pod.getSpec().getContainers().getFirst();
        String image = main.getImage();
        PodStatuses.waiting(PodStatuses.findStatus(pod, main.getName()), "ImagePullBackOff",
                KubeletEvents.pullBackOff(image));
        int pulls = schedule.pulls();
        pullEvent(p, pod, EventRecorder.NORMAL, "Pulling", KubeletEvents.pulling(image), pulls, firstPull, lastPull);
        OffsetDateTime firstFailure = firstPull.plusSeconds(PULL_SECONDS);
        OffsetDateTime lastFailure = lastPull.plusSeconds(PULL_SECONDS);
        pullEvent(p, pod, EventRecorder.WARNING, "Failed", KubeletEvents.pullFailed(image), pulls, firstFailure,
                lastFailure);
        pullEvent(p, pod, EventRecorder.WARNING, "Failed", KubeletEvents.ERR_IMAGE_PULL, pulls, firstFailure,
                lastFailure);
        OffsetDateTime firstBackOff = firstFailure.plusSeconds(BACK_OFF_DELAY);
        OffsetDateTime lastBackOff = lastFailure.plusSeconds(BACK_OFF_DELAY);
        pullEvent(p, pod, EventRecorder.NORMAL, "BackOff", KubeletEvents.pullBackOff(image), pulls, firstBackOff,
                lastBackOff);
        pullEvent(p, pod, EventRecorder.WARNING, "Failed", KubeletEvents.IMAGE_PULL_BACK_OFF, pulls, firstBackOff,
                lastBackOff);
        return Duration.between(p.now(), firstPull.plusSeconds(schedule.nextPull())).getSeconds();
    }

    /**
     * Pending since {@code created}: no node has the cpu it asks for, and the scheduler has retried every minute;
     * the simulator's scheduler retries it at once, as a restarted scheduler does.
     */
    static void unschedulable(PopulationContext p, V1Pod pod, OffsetDateTime created) {
        OffsetDateTime first = created.plusSeconds(1);
        String message = Scheduler.fit(pod).unschedulableMessage();
        PodStatuses.unschedulable(pod, message, first);
        long retry = (long) Scheduler.RETRY_SECONDS;
        long repeats = Duration.between(first, p.now()).getSeconds() / retry;
        OffsetDateTime last = first.plusSeconds(repeats * retry);
        p.create(Resources.EVENTS, EventRecorder.podEvent(pod, null, Scheduler.NAME, EventRecorder.WARNING,
                "FailedScheduling", message, (int) repeats + 1, first, last));
    }

    /** Pull {@code pulls} started {@code lastPull} seconds after the first; the next starts at {@code nextPull}. */
    private record PullSchedule(int pulls, long lastPull, long nextPull) {
        /** The pulls up to {@code elapsed} seconds after the first one. */
        static PullSchedule at(long elapsed) {
            long start = 0;
            long backOff = (long) PodRun.FIRST_BACK_OFF;
            int pulls = 1;
            while (start + PULL_SECONDS + BACK_OFF_DELAY + backOff <= elapsed) {
                start += PULL_SECONDS + BACK_OFF_DELAY + backOff;
                backOff = Math.min(backOff * 2, (long) PodRun.MAX_BACK_OFF);
                pulls++;
            }
            return new PullSchedule(pulls, start, start + PULL_SECONDS + BACK_OFF_DELAY + backOff);
        }
    }

    private static void pullEvent(PopulationContext p, V1Pod pod, String type, String reason, String message,
                                  int count, OffsetDateTime first, OffsetDateTime last) {
        p.create(Resources.EVENTS, EventRecorder.podEvent(pod, pod.getSpec().getContainers().getFirst().getName(),
                EventRecorder.KUBELET, type, reason, message, count, first, last));
    }
}
