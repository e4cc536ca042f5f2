package dev.podscope.format;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The clock-independent part of kubectl's pod row, computed exactly as the API server's {@code printPod}
 * ({@code pkg/printers/internalversion/printers.go}): ready and total containers (sidecars count), the STATUS
 * reason, and the restart count with the time of the last restart ({@code null} when unknown).
 */
public record PodSummary(int readyContainers, int totalContainers, String reason, int restarts,
                         OffsetDateTime lastRestart) {

    public static PodSummary of(V1Pod pod) {
        V1PodSpec spec = pod.getSpec();
        V1PodStatus status = pod.getStatus() == null ? new V1PodStatus() : pod.getStatus();
        List<V1Container> initContainers = spec == null ? null : spec.getInitContainers();
        Accumulator acc = new Accumulator(spec == null ? 0 : size(spec.getContainers()));

        String phase = status.getPhase();
        acc.reason = Text.orEmpty(phase);
        if (!Text.isEmpty(status.getReason())) {
            acc.reason = status.getReason();
        }
        List<V1PodCondition> conditions = status.getConditions();
        if (conditions != null) {
            for (V1PodCondition condition : conditions) {
                if ("PodScheduled".equals(condition.getType()) && "SchedulingGated".equals(condition.getReason())) {
                    acc.reason = "SchedulingGated";
                }
            }
        }

        Map<String, Boolean> sidecarByName = sidecars(initContainers, acc);
        boolean initializing = acc.initContainers(status.getInitContainerStatuses(), sidecarByName, size(initContainers));
        if (!initializing || firstConditionTrue(conditions, "Initialized")) {
            acc.containers(status.getContainerStatuses(), hasReadyCondition(conditions));
        }

        OffsetDateTime deletion = pod.getMetadata() == null ? null : pod.getMetadata().getDeletionTimestamp();
        if (deletion != null && "NodeLost".equals(status.getReason())) {
            acc.reason = "Unknown";
        } else if (deletion != null && !"Succeeded".equals(phase) && !"Failed".equals(phase)) {
            acc.reason = "Terminating";
        }
        return new PodSummary(acc.ready, acc.total, acc.reason, acc.restarts, acc.lastRestart);
    }

    /** Sidecars (init containers with {@code restartPolicy: Always}) count towards the total; a later name wins. */
    private static Map<String, Boolean> sidecars(List<V1Container> initContainers, Accumulator acc) {
        if (initContainers == null || initContainers.isEmpty()) {
            return Collections.emptyMap(); // unlike Map.of(), tolerates the null name of a nameless status
        }
        Map<String, Boolean> byName = new HashMap<>();
        for (V1Container container : initContainers) {
            boolean sidecar = "Always".equals(container.getRestartPolicy());
            byName.put(container.getName(), sidecar);
            if (sidecar) {
                acc.total++;
            }
        }
        return byName;
    }

    private static final class Accumulator {
        int ready;
        int total;
        String reason;
        int restarts;
        OffsetDateTime lastRestart;
        private int sidecarRestarts;
        private OffsetDateTime lastSidecarRestart;

        Accumulator(int total) {
            this.total = total;
        }

        /** Returns whether the pod is still initializing; sets the {@code Init:} reason when it is. */
        boolean initContainers(List<V1ContainerStatus> statuses, Map<String, Boolean> sidecarByName, int specCount) {
            if (statuses == null) {
                return false;
            }
            for (int i = 0; i < statuses.size(); i++) {
                V1ContainerStatus cs = statuses.get(i);
                int count = restartCount(cs);
                OffsetDateTime finished = lastFinishedAt(cs);
                restarts += count;
                lastRestart = later(lastRestart, finished);
                boolean sidecar = Boolean.TRUE.equals(sidecarByName.get(cs.getName()));
                if (sidecar) {
                    sidecarRestarts += count;
                    lastSidecarRestart = later(lastSidecarRestart, finished);
                }
                V1ContainerStateTerminated terminated = terminated(cs.getState());
                V1ContainerStateWaiting waiting = waiting(cs.getState());
                if (terminated != null && exitCode(terminated) == 0) {
                    continue;
                }
                if (sidecar && Boolean.TRUE.equals(cs.getStarted())) {
                    if (Boolean.TRUE.equals(cs.getReady())) {
                        ready++;
                    }
                    continue;
                }
                if (terminated != null) {
                    reason = Text.isEmpty(terminated.getReason())
                            ? "Init:" + exitDescription(terminated)
                            : "Init:" + terminated.getReason();
                } else if (waiting != null && !Text.isEmpty(waiting.getReason())
                        && !"PodInitializing".equals(waiting.getReason())) {
                    reason = "Init:" + waiting.getReason();
                } else {
                    reason = "Init:" + i + "/" + specCount;
                }
                return true;
            }
            return false;
        }

        /** Regular containers replace init-container restarts (sidecar restarts stay); the first container's reason wins. */
        void containers(List<V1ContainerStatus> statuses, boolean podReady) {
            restarts = sidecarRestarts;
            lastRestart = lastSidecarRestart;
            if (statuses == null) {
                return;
            }
            boolean hasRunning = false;
            for (int i = statuses.size() - 1; i >= 0; i--) {
                V1ContainerStatus cs = statuses.get(i);
                restarts += restartCount(cs);
                lastRestart = later(lastRestart, lastFinishedAt(cs));
                V1ContainerStateWaiting waiting = waiting(cs.getState());
                V1ContainerStateTerminated terminated = terminated(cs.getState());
                if (waiting != null && !Text.isEmpty(waiting.getReason())) {
                    reason = waiting.getReason();
                } else if (terminated != null && !Text.isEmpty(terminated.getReason())) {
                    reason = terminated.getReason();
                } else if (terminated != null) {
                    reason = exitDescription(terminated);
                } else if (Boolean.TRUE.equals(cs.getReady()) && cs.getState() != null
                        && cs.getState().getRunning() != null) {
                    hasRunning = true;
                    ready++;
                }
            }
            // A completed container next to a running one: the pod is not done yet.
            if ("Completed".equals(reason) && hasRunning) {
                reason = podReady ? "Running" : "NotReady";
            }
        }
    }

    private static String exitDescription(V1ContainerStateTerminated terminated) {
        int signal = terminated.getSignal() == null ? 0 : terminated.getSignal();
        return signal != 0 ? "Signal:" + signal : "ExitCode:" + exitCode(terminated);
    }

    private static int exitCode(V1ContainerStateTerminated terminated) {
        return terminated.getExitCode() == null ? 0 : terminated.getExitCode();
    }

    private static int restartCount(V1ContainerStatus cs) {
        return cs.getRestartCount() == null ? 0 : cs.getRestartCount();
    }

    private static OffsetDateTime lastFinishedAt(V1ContainerStatus cs) {
        V1ContainerStateTerminated last = terminated(cs.getLastState());
        return last == null ? null : last.getFinishedAt();
    }

    private static OffsetDateTime later(OffsetDateTime current, OffsetDateTime candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || current.isBefore(candidate) ? candidate : current;
    }

    private static V1ContainerStateTerminated terminated(V1ContainerState state) {
        return state == null ? null : state.getTerminated();
    }

    private static V1ContainerStateWaiting waiting(V1ContainerState state) {
        return state == null ? null : state.getWaiting();
    }

    /** Upstream looks only at the first condition of the type. */
    private static boolean firstConditionTrue(List<V1PodCondition> conditions, String type) {
        if (conditions != null) {
            for (V1PodCondition condition : conditions) {
                if (type.equals(condition.getType())) {
                    return "True".equals(condition.getStatus());
                }
            }
        }
        return false;
    }

    /** Unlike {@link #firstConditionTrue}, upstream accepts any {@code Ready=True} condition here. */
    private static boolean hasReadyCondition(List<V1PodCondition> conditions) {
        if (conditions != null) {
            for (V1PodCondition condition : conditions) {
                if ("Ready".equals(condition.getType()) && "True".equals(condition.getStatus())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
