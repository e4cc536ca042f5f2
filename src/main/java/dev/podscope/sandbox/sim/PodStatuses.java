package dev.podscope.sandbox.sim;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1HostIP;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * The status changes a scheduler and a kubelet make to a pod, as plain functions on a private copy. Both the
 * runtime lifecycles and the backdated initial population are built from these steps.
 */
final class PodStatuses {
    static final String PENDING = "Pending";
    static final String RUNNING = "Running";
    static final String SUCCEEDED = "Succeeded";
    static final String FAILED = "Failed";

    private PodStatuses() {
    }

    static V1PodStatus status(V1Pod pod) {
        if (pod.getStatus() == null) {
            pod.setStatus(new V1PodStatus().phase(PENDING));
        }
        return pod.getStatus();
    }

    static void bind(V1Pod pod, String node, OffsetDateTime at) {
        pod.getSpec().setNodeName(node);
        PodConditions.set(status(pod), PodConditions.SCHEDULED, true, null, null, at);
    }

    static void unschedulable(V1Pod pod, String message, OffsetDateTime at) {
        PodConditions.set(status(pod), PodConditions.SCHEDULED, false, "Unschedulable", message, at);
    }

    /** The kubelet has created the pod sandbox: the pod has its IPs and every container waits to be created. */
    static void sandbox(V1Pod pod, NodeSpec node, String podIp, OffsetDateTime at) {
        V1PodStatus status = status(pod);
        if (PodConditions.find(status, PodConditions.SCHEDULED) == null) {
            PodConditions.set(status, PodConditions.SCHEDULED, true, null, null, at);
        }
        boolean hasInit = !initContainers(pod).isEmpty();
        status.phase(PENDING).hostIP(node.internalIp()).hostIPs(List.of(new V1HostIP().ip(node.internalIp())))
                .podIP(podIp).podIPs(List.of(new V1PodIP().ip(podIp))).startTime(at);
        if (status.getQosClass() == null) {
            status.setQosClass(QosClass.of(pod));
        }
        status.setInitContainerStatuses(hasInit
                ? initContainers(pod).stream().map(c -> waitingStatus(c, "PodInitializing")).toList() : null);
        status.setContainerStatuses(pod.getSpec().getContainers().stream()
                .map(c -> waitingStatus(c, hasInit ? "PodInitializing" : "ContainerCreating")).toList());
        PodConditions.set(status, PodConditions.READY_TO_START, true, null, null, at);
        PodConditions.refresh(pod, at);
    }

    /** Starts a container; when it ran before, its last termination moves to lastState and restartCount grows. */
    static void running(V1ContainerStatus cs, String containerId, OffsetDateTime at) {
        V1ContainerState state = cs.getState();
        if (state != null && state.getTerminated() != null) {
            cs.setLastState(state);
        }
        if (cs.getContainerID() != null) {
            cs.setRestartCount(cs.getRestartCount() + 1);
        }
        cs.state(new V1ContainerState().running(new V1ContainerStateRunning().startedAt(at)))
                .containerID(containerId).imageID(Images.imageId(cs.getImage())).started(true).ready(false);
    }

    static void terminated(V1ContainerStatus cs, int exitCode, String reason, OffsetDateTime at) {
        V1ContainerState state = cs.getState();
        OffsetDateTime startedAt = state != null && state.getRunning() != null ? state.getRunning().getStartedAt() : at;
        cs.state(new V1ContainerState().terminated(new V1ContainerStateTerminated().exitCode(exitCode).reason(reason)
                        .startedAt(startedAt).finishedAt(at).containerID(cs.getContainerID())))
                .started(false).ready(false);
    }

    static void waiting(V1ContainerStatus cs, String reason, String message) {
        V1ContainerState state = cs.getState();
        if (state != null && state.getTerminated() != null) {
            cs.setLastState(state);
        }
        cs.state(new V1ContainerState().waiting(new V1ContainerStateWaiting().reason(reason).message(message)))
                .started(false).ready(false);
    }

    static boolean isRunning(V1ContainerStatus cs) {
        return cs != null && cs.getState() != null && cs.getState().getRunning() != null;
    }

    static boolean completedSuccessfully(V1ContainerStatus cs) {
        return cs != null && cs.getState() != null && cs.getState().getTerminated() != null
                && cs.getState().getTerminated().getExitCode() == 0;
    }

    static V1ContainerStatus findStatus(V1Pod pod, String container) {
        V1PodStatus status = pod.getStatus();
        if (status == null) {
            return null;
        }
        return Stream.concat(listOrEmpty(status.getInitContainerStatuses()), listOrEmpty(status.getContainerStatuses()))
                .filter(cs -> container.equals(cs.getName())).findFirst().orElse(null);
    }

    static List<V1Container> initContainers(V1Pod pod) {
        List<V1Container> init = pod.getSpec().getInitContainers();
        return init == null ? List.of() : init;
    }

    static boolean isSidecar(V1Container container) {
        return "Always".equals(container.getRestartPolicy());
    }

    static boolean isTerminal(V1Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return SUCCEEDED.equals(phase) || FAILED.equals(phase);
    }

    private static V1ContainerStatus waitingStatus(V1Container container, String reason) {
        return new V1ContainerStatus().name(container.getName()).image(Images.normalize(container.getImage()))
                .imageID("").ready(false).restartCount(0).started(false)
                .state(new V1ContainerState().waiting(new V1ContainerStateWaiting().reason(reason)));
    }

    private static <T> Stream<T> listOrEmpty(List<T> list) {
        return list == null ? Stream.empty() : list.stream();
    }
}
