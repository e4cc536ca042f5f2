package dev.podscope.bundle;

import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A one-line explanation of what is wrong with a pod, from its status alone: waiting and terminated reasons with
 * their messages, the last termination of restarting containers, unschedulable conditions.
 */
final class PodProblem {
    private PodProblem() {
    }

    static Optional<String> describe(V1Pod pod) {
        if (pod.getStatus() == null) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        List<V1ContainerStatus> statuses = new ArrayList<>();
        if (pod.getStatus().getInitContainerStatuses() != null) {
            statuses.addAll(pod.getStatus().getInitContainerStatuses());
        }
        if (pod.getStatus().getContainerStatuses() != null) {
            statuses.addAll(pod.getStatus().getContainerStatuses());
        }
        for (V1ContainerStatus status : statuses) {
            container(status).ifPresent(text -> parts.add(status.getName() + ": " + text));
        }
        if (pod.getStatus().getConditions() != null) {
            for (V1PodCondition condition : pod.getStatus().getConditions()) {
                if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())) {
                    parts.add("not scheduled: " + join(condition.getReason(), condition.getMessage()));
                }
            }
        }
        if (parts.isEmpty() && pod.getStatus().getMessage() != null) {
            parts.add(join(pod.getStatus().getReason(), pod.getStatus().getMessage()));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    private static Optional<String> container(V1ContainerStatus status) {
        V1ContainerState state = status.getState();
        if (state != null && state.getWaiting() != null && state.getWaiting().getReason() != null
                && !"ContainerCreating".equals(state.getWaiting().getReason())
                && !"PodInitializing".equals(state.getWaiting().getReason())) {
            String text = join(state.getWaiting().getReason(), state.getWaiting().getMessage());
            return Optional.of(text + lastTermination(status));
        }
        if (state != null && state.getTerminated() != null && state.getTerminated().getExitCode() != 0) {
            return Optional.of("terminated " + join(state.getTerminated().getReason(), state.getTerminated().getMessage())
                    + " (exit code " + state.getTerminated().getExitCode() + ")");
        }
        if (state != null && state.getRunning() != null && Boolean.FALSE.equals(status.getReady())) {
            return Optional.of("running but not ready" + lastTermination(status));
        }
        return Optional.empty();
    }

    private static String lastTermination(V1ContainerStatus status) {
        if (status.getLastState() == null || status.getLastState().getTerminated() == null) {
            return "";
        }
        var last = status.getLastState().getTerminated();
        return "; last exit " + (last.getReason() == null ? "" : last.getReason() + " ") + "code " + last.getExitCode()
                + ", " + status.getRestartCount() + " restarts";
    }

    private static String join(String reason, String message) {
        if (message == null || message.isBlank()) {
            return reason == null ? "" : reason;
        }
        return (reason == null ? "" : reason + ": ") + message.strip().replace('\n', ' ');
    }
}
