package dev.podscope.sandbox.sim;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The pod conditions a kubelet derives from its container statuses. A condition's lastTransitionTime moves only
 * when its status flips, as on a real cluster.
 */
final class PodConditions {
    static final String SCHEDULED = "PodScheduled";
    static final String READY_TO_START = "PodReadyToStartContainers";
    static final String INITIALIZED = "Initialized";
    static final String READY = "Ready";
    static final String CONTAINERS_READY = "ContainersReady";
    private static final List<String> ORDER = List.of(READY_TO_START, INITIALIZED, READY, CONTAINERS_READY, SCHEDULED);

    private PodConditions() {
    }

    static void set(V1PodStatus status, String type, boolean value, String reason, String message, OffsetDateTime at) {
        if (status.getConditions() == null) {
            status.setConditions(new ArrayList<>());
        }
        String text = value ? "True" : "False";
        V1PodCondition condition = find(status, type);
        if (condition == null) {
            condition = new V1PodCondition().type(type).lastTransitionTime(at);
            status.getConditions().add(condition);
            status.getConditions().sort(Comparator.comparingInt(c -> ORDER.indexOf(c.getType())));
        } else if (!text.equals(condition.getStatus())) {
            condition.setLastTransitionTime(at);
        }
        condition.status(text).reason(reason).message(message);
    }

    static V1PodCondition find(V1PodStatus status, String type) {
        if (status == null || status.getConditions() == null) {
            return null;
        }
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    static boolean isTrue(V1Pod pod, String type) {
        V1PodCondition condition = find(pod.getStatus(), type);
        return condition != null && "True".equals(condition.getStatus());
    }

    /** Recomputes Initialized, ContainersReady and Ready from the container statuses and the phase. */
    static void refresh(V1Pod pod, OffsetDateTime at) {
        V1PodStatus status = pod.getStatus();
        String phase = status.getPhase();
        if (PodStatuses.SUCCEEDED.equals(phase) || PodStatuses.FAILED.equals(phase)) {
            String reason = PodStatuses.SUCCEEDED.equals(phase) ? "PodCompleted" : "PodFailed";
            set(status, READY_TO_START, false, null, null, at);
            set(status, INITIALIZED, true, PodStatuses.SUCCEEDED.equals(phase) ? reason : null, null, at);
            set(status, READY, false, reason, null, at);
            set(status, CONTAINERS_READY, false, reason, null, at);
            return;
        }
        List<String> incomplete = new ArrayList<>();
        List<String> unready = new ArrayList<>();
        for (V1Container c : PodStatuses.initContainers(pod)) {
            V1ContainerStatus cs = PodStatuses.findStatus(pod, c.getName());
            if (PodStatuses.isSidecar(c)) {
                if (cs == null || !Boolean.TRUE.equals(cs.getStarted())) {
                    incomplete.add(c.getName());
                }
                if (cs == null || !Boolean.TRUE.equals(cs.getReady())) {
                    unready.add(c.getName());
                }
            } else if (!PodStatuses.completedSuccessfully(cs)) {
                incomplete.add(c.getName());
            }
        }
        for (V1Container c : pod.getSpec().getContainers()) {
            V1ContainerStatus cs = PodStatuses.findStatus(pod, c.getName());
            if (cs == null || !Boolean.TRUE.equals(cs.getReady())) {
                unready.add(c.getName());
            }
        }
        set(status, INITIALIZED, incomplete.isEmpty(), incomplete.isEmpty() ? null : "ContainersNotInitialized",
                incomplete.isEmpty() ? null : "containers with incomplete status: " + goList(incomplete), at);
        String reason = unready.isEmpty() ? null : "ContainersNotReady";
        String message = unready.isEmpty() ? null : "containers with unready status: " + goList(unready);
        set(status, READY, unready.isEmpty(), reason, message, at);
        set(status, CONTAINERS_READY, unready.isEmpty(), reason, message, at);
    }

    /** A string slice as Go's %s prints it: {@code [a b]}. */
    private static String goList(List<String> names) {
        return "[" + String.join(" ", names) + "]";
    }
}
