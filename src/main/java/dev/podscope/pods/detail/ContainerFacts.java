package dev.podscope.pods.detail;

import dev.podscope.format.HumanDuration;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Probe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One container of a pod as the Containers tab shows it: spec and status side by side, in plain strings, the way
 * {@code kubectl describe pod} words them. A pure function of (pod, now) so it is built off the FX thread and tested
 * without one.
 *
 * @param state     "Running since 5m", "Waiting: CrashLoopBackOff", "Terminated: Error, exit code 1", or "Not created yet"
 * @param stateNote the waiting or terminated message, else ""
 * @param healthy   false when the container is waiting with a reason other than ContainerCreating/PodInitializing,
 *                  terminated with a non-zero code, or running but not ready
 */
public record ContainerFacts(String name, Kind kind, String image, String state, String stateNote, String lastState,
                             String ready, String started, int restarts, String ports, String requests, String limits,
                             String liveness, String readiness, String startup, boolean healthy) {

    /** Init containers run first, in order; sidecars are init containers that keep running; then the app's. */
    public enum Kind {
        INIT("init"), SIDECAR("sidecar"), APP("container");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Init containers and native sidecars in spec order, then the app containers; {@code probes} writes a probe. */
    public static List<ContainerFacts> of(V1Pod pod, Instant now, Function<V1Probe, String> probes) {
        List<ContainerFacts> all = new ArrayList<>();
        if (pod.getSpec() == null) {
            return all;
        }
        Map<String, V1ContainerStatus> statuses = new HashMap<>();
        if (pod.getStatus() != null) {
            Objects.requireNonNullElse(pod.getStatus().getInitContainerStatuses(), List.<V1ContainerStatus>of())
                    .forEach(s -> statuses.put("init/" + s.getName(), s));
            Objects.requireNonNullElse(pod.getStatus().getContainerStatuses(), List.<V1ContainerStatus>of())
                    .forEach(s -> statuses.put("app/" + s.getName(), s));
        }
        for (V1Container c : Objects.requireNonNullElse(pod.getSpec().getInitContainers(), List.<V1Container>of())) {
            Kind kind = "Always".equals(c.getRestartPolicy()) ? Kind.SIDECAR : Kind.INIT;
            all.add(of(c, kind, statuses.get("init/" + c.getName()), now, probes));
        }
        for (V1Container c : Objects.requireNonNullElse(pod.getSpec().getContainers(), List.<V1Container>of())) {
            all.add(of(c, Kind.APP, statuses.get("app/" + c.getName()), now, probes));
        }
        return all;
    }

    static ContainerFacts of(V1Container c, Kind kind, V1ContainerStatus s, Instant now,
                             Function<V1Probe, String> probes) {
        V1ContainerState state = s == null ? null : s.getState();
        return new ContainerFacts(c.getName(), kind, Objects.requireNonNullElse(c.getImage(), ""),
                s == null ? "Not created yet" : state(state, now), note(state),
                s == null || s.getLastState() == null ? "" : lastState(s.getLastState(), now),
                s == null ? "—" : yesNo(s.getReady()), s == null ? "—" : yesNo(s.getStarted()),
                s == null || s.getRestartCount() == null ? 0 : s.getRestartCount(),
                ports(c.getPorts()),
                resources(c.getResources() == null ? null : c.getResources().getRequests()),
                resources(c.getResources() == null ? null : c.getResources().getLimits()),
                probe(c.getLivenessProbe(), probes), probe(c.getReadinessProbe(), probes),
                probe(c.getStartupProbe(), probes), healthy(kind, s));
    }

    private static String state(V1ContainerState state, Instant now) {
        if (state == null) {
            return "Unknown";
        }
        if (state.getRunning() != null) {
            return state.getRunning().getStartedAt() == null ? "Running"
                    : "Running for " + HumanDuration.since(state.getRunning().getStartedAt(), now);
        }
        if (state.getWaiting() != null) {
            String reason = state.getWaiting().getReason();
            return reason == null || reason.isEmpty() ? "Waiting" : "Waiting: " + reason;
        }
        if (state.getTerminated() != null) {
            return terminated(state.getTerminated(), now);
        }
        return "Unknown";
    }

    private static String terminated(V1ContainerStateTerminated t, Instant now) {
        StringBuilder text = new StringBuilder("Terminated");
        if (t.getReason() != null && !t.getReason().isEmpty()) {
            text.append(": ").append(t.getReason());
        }
        text.append(", exit code ").append(t.getExitCode());
        if (t.getSignal() != null && t.getSignal() != 0) {
            text.append(", signal ").append(t.getSignal());
        }
        if (t.getFinishedAt() != null) {
            text.append(", ").append(HumanDuration.since(t.getFinishedAt(), now)).append(" ago");
        }
        return text.toString();
    }

    private static String note(V1ContainerState state) {
        if (state == null) {
            return "";
        }
        V1ContainerStateWaiting waiting = state.getWaiting();
        if (waiting != null && waiting.getMessage() != null) {
            return waiting.getMessage();
        }
        V1ContainerStateTerminated terminated = state.getTerminated();
        return terminated != null && terminated.getMessage() != null ? terminated.getMessage() : "";
    }

    private static String lastState(V1ContainerState last, Instant now) {
        if (last.getTerminated() != null) {
            return terminated(last.getTerminated(), now);
        }
        return last.getRunning() == null && last.getWaiting() == null ? "" : state(last, now);
    }

    private static String yesNo(Boolean value) {
        return Boolean.TRUE.equals(value) ? "yes" : "no";
    }

    /** {@code http 8080/TCP, 9090/TCP}; "none" without ports. */
    static String ports(List<V1ContainerPort> ports) {
        if (ports == null || ports.isEmpty()) {
            return "none";
        }
        return ports.stream().map(p -> (p.getName() == null ? "" : p.getName() + " ") + p.getContainerPort() + "/"
                + Objects.requireNonNullElse(p.getProtocol(), "TCP")).collect(Collectors.joining(", "));
    }

    /** {@code cpu 100m, memory 128Mi}, sorted by resource name as kubectl describe does; "none" when unset. */
    static String resources(Map<String, Quantity> values) {
        if (values == null || values.isEmpty()) {
            return "none";
        }
        return new TreeMap<>(values).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().toSuffixedString()).collect(Collectors.joining(", "));
    }

    private static String probe(V1Probe probe, Function<V1Probe, String> probes) {
        return probe == null ? "" : probes.apply(probe);
    }

    private static boolean healthy(Kind kind, V1ContainerStatus s) {
        if (s == null || s.getState() == null) {
            return true;
        }
        V1ContainerState state = s.getState();
        if (state.getWaiting() != null) {
            String reason = state.getWaiting().getReason();
            return reason == null || "ContainerCreating".equals(reason) || "PodInitializing".equals(reason);
        }
        if (state.getTerminated() != null) {
            Integer code = state.getTerminated().getExitCode();
            return code != null && code == 0;
        }
        return kind == Kind.INIT || Boolean.TRUE.equals(s.getReady());
    }
}
