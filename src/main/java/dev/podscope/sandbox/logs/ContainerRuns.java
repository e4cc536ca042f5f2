package dev.podscope.sandbox.logs;

import dev.podscope.sandbox.sim.Behavior;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which container run a log request reads, decided as the API server ({@code validateContainer}) and then the kubelet
 * ({@code validateContainerLogStatus}) decide it, with their refusals word for word.
 */
final class ContainerRuns {
    private static final Duration QUICK_FAILURE = Duration.ofMinutes(1);

    private ContainerRuns() {
    }

    /** The run {@code query} asks for; empty for a pod not bound to a node yet, whose log the API server leaves empty. */
    static Optional<ContainerRun> select(V1Pod pod, LogQuery query) {
        String podName = pod.getMetadata().getName();
        V1Container spec = container(pod, query.container());
        if (pod.getSpec().getNodeName() == null || pod.getSpec().getNodeName().isEmpty()) {
            return Optional.empty();
        }
        V1ContainerStatus cs = status(pod, spec.getName()).orElseThrow(() -> LogRefusal.badRequest(
                "container \"" + spec.getName() + "\" in pod \"" + podName + "\" is not available"));
        V1ContainerState state = cs.getState() == null ? new V1ContainerState() : cs.getState();
        V1ContainerStateTerminated last = cs.getLastState() == null ? null : cs.getLastState().getTerminated();
        int restarts = cs.getRestartCount() == null ? 0 : cs.getRestartCount();
        if (query.previous()) {
            if (last == null) {
                throw LogRefusal.badRequest("previous terminated container \"" + spec.getName() + "\" in pod \""
                        + podName + "\" not found");
            }
            return Optional.of(finished(pod, spec, lastInstance(state, restarts), last));
        }
        if (state.getRunning() != null) {
            Instant started = instant(state.getRunning().getStartedAt(), pod);
            return Optional.of(run(pod, spec, restarts, started, null, null));
        }
        if (state.getTerminated() != null) {
            return Optional.of(finished(pod, spec, restarts, state.getTerminated()));
        }
        if (last != null) {
            return Optional.of(finished(pod, spec, restarts, last));
        }
        String waiting = state.getWaiting() == null ? null : state.getWaiting().getReason();
        String prefix = "container \"" + spec.getName() + "\" in pod \"" + podName + "\" is waiting to start";
        throw LogRefusal.badRequest(switch (waiting) {
            case null -> prefix + " - no logs yet";
            case "ErrImagePull" -> prefix + ": image can't be pulled";
            case "ImagePullBackOff" -> prefix + ": trying and failing to pull image";
            default -> prefix + ": " + waiting;
        });
    }

    /** {@code run} as a newer version of its pod shows it: unchanged, finished, or empty when it is gone. */
    static Optional<ContainerRun> current(V1Pod pod, ContainerRun run) {
        if (!run.podUid().equals(pod.getMetadata().getUid())) {
            return Optional.empty();
        }
        Optional<V1ContainerStatus> found = status(pod, run.name());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        V1ContainerStatus cs = found.get();
        V1ContainerState state = cs.getState() == null ? new V1ContainerState() : cs.getState();
        int restarts = cs.getRestartCount() == null ? 0 : cs.getRestartCount();
        if (state.getRunning() != null && restarts == run.instance()
                && run.started().equals(instant(state.getRunning().getStartedAt(), pod))) {
            return Optional.of(run);
        }
        V1ContainerStateTerminated last = cs.getLastState() == null ? null : cs.getLastState().getTerminated();
        return Stream.of(new Ending(state.getTerminated(), restarts), new Ending(last, lastInstance(state, restarts)))
                .filter(e -> e.terminated() != null && e.instance() == run.instance()
                        && run.started().equals(instant(e.terminated().getStartedAt(), pod)))
                .findFirst()
                .map(e -> run.finishedAt(instant(e.terminated().getFinishedAt(), pod), e.terminated().getExitCode()));
    }

    private record Ending(V1ContainerStateTerminated terminated, int instance) {
    }

    /**
     * The instance that lastState describes: the one before the current run, or, while the container waits to be
     * restarted, the one that just ended (restartCount grows only when the next run starts).
     */
    private static int lastInstance(V1ContainerState state, int restarts) {
        return state.getWaiting() != null ? restarts : Math.max(0, restarts - 1);
    }

    private static V1Container container(V1Pod pod, String name) {
        List<V1Container> containers = pod.getSpec().getContainers();
        List<V1Container> all = Stream.concat(listOrEmpty(pod.getSpec().getInitContainers()).stream(),
                containers.stream()).toList();
        if (!name.isEmpty()) {
            return all.stream().filter(c -> name.equals(c.getName())).findFirst().orElseThrow(() ->
                    LogRefusal.badRequest("container " + name + " is not valid for pod " + pod.getMetadata().getName()));
        }
        if (containers.size() == 1) {
            return containers.getFirst();
        }
        String podName = pod.getMetadata().getName();
        if (containers.isEmpty()) {
            throw LogRefusal.badRequest("a container name must be specified for pod " + podName);
        }
        // Go prints a []string as [a b]; the API server lists init containers first, as VisitContainers visits them
        throw LogRefusal.badRequest("a container name must be specified for pod " + podName + ", choose one of: ["
                + String.join(" ", all.stream().map(V1Container::getName).toList()) + "]");
    }

    private static Optional<V1ContainerStatus> status(V1Pod pod, String name) {
        V1PodStatus status = pod.getStatus();
        if (status == null) {
            return Optional.empty();
        }
        return Stream.concat(listOrEmpty(status.getContainerStatuses()).stream(),
                        listOrEmpty(status.getInitContainerStatuses()).stream())
                .filter(cs -> name.equals(cs.getName())).findFirst();
    }

    private static ContainerRun finished(V1Pod pod, V1Container spec, int instance, V1ContainerStateTerminated t) {
        return run(pod, spec, instance, instant(t.getStartedAt(), pod), instant(t.getFinishedAt(), pod),
                Objects.requireNonNullElse(t.getExitCode(), 0));
    }

    private static ContainerRun run(V1Pod pod, V1Container spec, int instance, Instant started, Instant finished,
                                    Integer exitCode) {
        boolean init = listOrEmpty(pod.getSpec().getInitContainers()).contains(spec);
        String restartPolicy = pod.getSpec().getRestartPolicy() == null ? "Always" : pod.getSpec().getRestartPolicy();
        String podIp = pod.getStatus() == null || pod.getStatus().getPodIP() == null
                ? "" : pod.getStatus().getPodIP();
        Instant end = finished != null && finished.isBefore(started) ? started : finished;
        return new ContainerRun(pod.getMetadata().getUid(), pod.getMetadata().getName(),
                pod.getMetadata().getNamespace(), podIp, restartPolicy, spec, init, instance, started, end, exitCode,
                failsAtStartup(pod, spec, started, end, exitCode));
    }

    /**
     * A main container that the simulator makes crash-loop dies while starting, on every run; so does any run that
     * crashed (exit code 1 or 2) within a minute. Telling it from the pod keeps a run's log the same before and
     * after it ends.
     */
    private static boolean failsAtStartup(V1Pod pod, V1Container spec, Instant started, Instant finished,
                                          Integer exitCode) {
        boolean main = spec.getName().equals(pod.getSpec().getContainers().getFirst().getName());
        if (main && Behavior.of(pod) == Behavior.CRASH_LOOP) {
            return true;
        }
        return finished != null && (exitCode == 1 || exitCode == 2)
                && Duration.between(started, finished).compareTo(QUICK_FAILURE) < 0;
    }

    /** A status time; a status without one (written by hand) counts from the pod's creation. */
    private static Instant instant(OffsetDateTime time, V1Pod pod) {
        if (time != null) {
            return time.toInstant();
        }
        OffsetDateTime created = pod.getMetadata().getCreationTimestamp();
        return created == null ? Instant.EPOCH : created.toInstant();
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
