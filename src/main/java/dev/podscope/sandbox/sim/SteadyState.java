package dev.podscope.sandbox.sim;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * The state of pods that started long before the simulator did: the same status steps a scheduler and kubelet
 * take, replayed at backdated times, so that ages, restart counts and transition times look lived-in.
 */
final class SteadyState {
    private record Exit(int code, String reason) {
    }

    private static final List<Exit> PAST_EXITS = List.of(
            new Exit(1, "Error"), new Exit(137, "OOMKilled"), new Exit(143, "Error"), new Exit(2, "Error"));

    private final Naming naming;
    private final SimNodes nodes;

    SteadyState(Naming naming, SimNodes nodes) {
        this.naming = naming;
        this.nodes = nodes;
    }

    /** Binds and starts every container; returns when the app containers started. */
    OffsetDateTime started(V1Pod pod, String node, OffsetDateTime created) {
        NodeSpec spec = SimNodes.get(node);
        OffsetDateTime t = created.plusSeconds(1);
        PodStatuses.bind(pod, node, t);
        String ip = Boolean.TRUE.equals(pod.getSpec().getHostNetwork()) ? spec.internalIp() : nodes.nextPodIp(node);
        t = t.plusSeconds(naming.between(1, 2));
        PodStatuses.sandbox(pod, spec, ip, t);
        for (V1Container c : PodStatuses.initContainers(pod)) {
            t = t.plusSeconds(naming.between(1, 6));
            V1ContainerStatus cs = PodStatuses.findStatus(pod, c.getName());
            PodStatuses.running(cs, naming.containerId(), t);
            if (PodStatuses.isSidecar(c)) {
                cs.setReady(true);
            } else {
                t = t.plusSeconds(naming.between(2, 8));
                PodStatuses.terminated(cs, 0, "Completed", t);
            }
            PodConditions.refresh(pod, t);
        }
        t = t.plusSeconds(naming.between(1, 8));
        for (V1Container c : pod.getSpec().getContainers()) {
            PodStatuses.running(PodStatuses.findStatus(pod, c.getName()), naming.containerId(), t);
        }
        Stream.concat(PodStatuses.initContainers(pod).stream(), pod.getSpec().getContainers().stream())
                .forEach(c -> nodes.rememberImage(node, c.getImage()));
        pod.getStatus().setPhase(PodStatuses.RUNNING);
        PodConditions.refresh(pod, t);
        return t;
    }

    /** Running and ready since shortly after creation; {@code restarts > 0} adds a past crash of the main container. */
    void running(V1Pod pod, String node, OffsetDateTime created, int restarts, OffsetDateTime now) {
        OffsetDateTime t = started(pod, node, created).plusSeconds(naming.between(2, 12));
        for (V1Container c : pod.getSpec().getContainers()) {
            PodStatuses.findStatus(pod, c.getName()).setReady(true);
        }
        PodConditions.refresh(pod, t);
        long span = Duration.between(t, now).getSeconds();
        if (restarts > 0 && span > 600) {
            OffsetDateTime crashed = t.plusSeconds((long) (span * naming.uniform(0.3, 0.95)));
            V1ContainerStatus cs = PodStatuses.findStatus(pod, pod.getSpec().getContainers().getFirst().getName());
            Exit exit = naming.pick(PAST_EXITS);
            PodStatuses.terminated(cs, exit.code(), exit.reason(), crashed);
            PodConditions.refresh(pod, crashed);
            OffsetDateTime back = crashed.plusSeconds(naming.between(10, 40));
            PodStatuses.running(cs, naming.containerId(), back);
            cs.setRestartCount(restarts);
            cs.setReady(true);
            PodConditions.refresh(pod, back.plusSeconds(naming.between(3, 15)));
        }
    }

    /** Ran for {@code runSeconds} and exited; with restartPolicy Never the pod ends Succeeded or Failed. */
    void finished(V1Pod pod, String node, OffsetDateTime created, long runSeconds, int exitCode, String reason) {
        OffsetDateTime t = started(pod, node, created).plusSeconds(runSeconds);
        for (V1Container c : pod.getSpec().getContainers()) {
            PodStatuses.terminated(PodStatuses.findStatus(pod, c.getName()), exitCode, reason, t);
        }
        pod.getStatus().setPhase(exitCode == 0 ? PodStatuses.SUCCEEDED : PodStatuses.FAILED);
        PodConditions.refresh(pod, t);
    }

    /** The kubelet stopped the pod's containers for a deletion (SIGTERM, clean exit). */
    static void stopped(V1Pod pod, OffsetDateTime at) {
        for (V1Container c : pod.getSpec().getContainers()) {
            V1ContainerStatus cs = PodStatuses.findStatus(pod, c.getName());
            if (PodStatuses.isRunning(cs)) {
                PodStatuses.terminated(cs, 0, "Completed", at);
            }
        }
        PodConditions.refresh(pod, at);
    }
}
