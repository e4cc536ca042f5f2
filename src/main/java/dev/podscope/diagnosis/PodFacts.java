package dev.podscope.diagnosis;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.List;
import java.util.Optional;

/** Null-safe reads of the parts of a pod that the diagnosis looks at. */
final class PodFacts {

    private PodFacts() {
    }

    static V1PodStatus status(V1Pod pod) {
        return pod.getStatus() == null ? new V1PodStatus() : pod.getStatus();
    }

    static String phase(V1Pod pod) {
        return orEmpty(status(pod).getPhase());
    }

    static Optional<V1PodCondition> condition(V1Pod pod, String type) {
        List<V1PodCondition> conditions = status(pod).getConditions();
        if (conditions == null) {
            return Optional.empty();
        }
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    static boolean conditionTrue(V1Pod pod, String type) {
        return condition(pod, type).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    static List<V1Container> containers(V1Pod pod) {
        return pod.getSpec() == null || pod.getSpec().getContainers() == null ? List.of() : pod.getSpec().getContainers();
    }

    static List<V1Container> initContainers(V1Pod pod) {
        return pod.getSpec() == null || pod.getSpec().getInitContainers() == null
                ? List.of() : pod.getSpec().getInitContainers();
    }

    static List<V1ContainerStatus> containerStatuses(V1Pod pod) {
        return status(pod).getContainerStatuses() == null ? List.of() : status(pod).getContainerStatuses();
    }

    static List<V1ContainerStatus> initContainerStatuses(V1Pod pod) {
        return status(pod).getInitContainerStatuses() == null ? List.of() : status(pod).getInitContainerStatuses();
    }

    static Optional<V1Container> container(V1Pod pod, String name) {
        for (V1Container c : containers(pod)) {
            if (c.getName().equals(name)) {
                return Optional.of(c);
            }
        }
        for (V1Container c : initContainers(pod)) {
            if (c.getName().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** A native sidecar: an init container that keeps running beside the app (restartPolicy Always). */
    static boolean isSidecar(V1Container container) {
        return "Always".equals(container.getRestartPolicy());
    }

    static Optional<Quantity> limit(V1Container container, String resource) {
        if (container.getResources() == null || container.getResources().getLimits() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(container.getResources().getLimits().get(resource));
    }

    static Optional<Quantity> request(V1Container container, String resource) {
        if (container.getResources() == null || container.getResources().getRequests() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(container.getResources().getRequests().get(resource));
    }

    static String name(V1Pod pod) {
        return pod.getMetadata() == null ? "" : orEmpty(pod.getMetadata().getName());
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
