package dev.podscope.bundle;

import dev.podscope.diagnosis.Diagnosis;
import dev.podscope.diagnosis.PodDiagnosis;
import dev.podscope.format.PodCategory;
import dev.podscope.format.PodSummary;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the export remembers of a pod after writing it: enough to fetch its logs and to list it in the summary,
 * much less than the object itself.
 */
record PodFacts(String namespace, String name, String phase, String status, String ready, int restarts,
                PodCategory category, String diagnosis, List<ContainerLogs> containers) {

    /** A container's name and whether it has a previous instance whose log can be asked for. */
    record ContainerLogs(String name, boolean previous) {
    }

    static PodFacts of(V1Pod pod, Instant now) {
        PodSummary summary = PodSummary.of(pod);
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        PodCategory category = PodCategory.classify(phase, summary.reason(), summary.readyContainers(),
                summary.totalContainers());
        return new PodFacts(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), phase, summary.reason(),
                summary.readyContainers() + "/" + summary.totalContainers(), summary.restarts(), category,
                PodDiagnosis.fromStatus(pod, now).map(Diagnosis::text).orElse(""), containers(pod));
    }

    /** Pods a person should look at: anything but running-and-ready, completed or going away on purpose. */
    boolean unhealthy() {
        return switch (category) {
            case RUNNING, SUCCEEDED, TERMINATING -> false;
            default -> true;
        };
    }

    private static List<ContainerLogs> containers(V1Pod pod) {
        Map<String, Integer> restarts = new HashMap<>();
        if (pod.getStatus() != null) {
            for (List<V1ContainerStatus> statuses : List.of(orEmpty(pod.getStatus().getInitContainerStatuses()),
                    orEmpty(pod.getStatus().getContainerStatuses()))) {
                for (V1ContainerStatus status : statuses) {
                    boolean previous = status.getRestartCount() != null && status.getRestartCount() > 0
                            || status.getLastState() != null && status.getLastState().getTerminated() != null;
                    restarts.put(status.getName(), previous ? 1 : 0);
                }
            }
        }
        List<ContainerLogs> containers = new ArrayList<>();
        if (pod.getSpec() != null) {
            for (List<V1Container> list : List.of(orEmpty(pod.getSpec().getInitContainers()),
                    orEmpty(pod.getSpec().getContainers()))) {
                for (V1Container container : list) {
                    containers.add(new ContainerLogs(container.getName(), restarts.getOrDefault(container.getName(), 0) > 0));
                }
            }
        }
        return containers;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
