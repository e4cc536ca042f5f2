package dev.podscope.probes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the kubelet last reported for a probe, next to our own run: the pod's Ready condition, the container's ready
 * flag, and the latest Unhealthy event of this probe kind. {@code agrees} is false when our run and the kubelet's
 * view differ (e.g. we see 200 where the kubelet keeps the pod unready) — worth a user's attention.
 */
public record ProbeComparison(String podReady, Boolean containerReady, String lastUnhealthy,
                              OffsetDateTime lastUnhealthyAt, int unhealthyCount, boolean agrees) {

    /** Reads the pod's events (one API call); {@code pod} should be fresh. */
    public static ProbeComparison of(ApiClient client, V1Pod pod, String container, ProbeKind kind,
                                     ProbeResult result) throws ApiException {
        String namespace = pod.getMetadata().getNamespace();
        List<CoreV1Event> events = new CoreV1Api(client).listNamespacedEvent(namespace)
                .fieldSelector("involvedObject.name=" + pod.getMetadata().getName() + ",reason=Unhealthy")
                .execute().getItems();
        return of(pod, container, kind, result, events);
    }

    /** The comparison from events already at hand (those of the pod with reason Unhealthy). */
    public static ProbeComparison of(V1Pod pod, String container, ProbeKind kind, ProbeResult result,
                                     List<CoreV1Event> events) {
        String ready = condition(pod);
        Boolean containerReady = null;
        if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
            containerReady = pod.getStatus().getContainerStatuses().stream()
                    .filter(s -> container == null || s.getName().equals(container))
                    .map(V1ContainerStatus::getReady).filter(Objects::nonNull).findFirst().orElse(null);
        }
        String prefix = kind.label() + " probe failed";
        CoreV1Event latest = events.stream()
                .filter(e -> "Unhealthy".equals(e.getReason()) && e.getMessage() != null && e.getMessage().startsWith(prefix))
                .filter(e -> container == null || e.getInvolvedObject().getFieldPath() == null
                        || e.getInvolvedObject().getFieldPath().contains("{" + container + "}"))
                .max(Comparator.comparing(ProbeComparison::lastSeen, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElse(null);
        // liveness and startup leave no condition: failures since the container's current start are the kubelet's view
        OffsetDateTime started = startedAt(pod, container);
        boolean failedSinceStart = latest != null && (started == null || lastSeen(latest) == null
                || !lastSeen(latest).isBefore(started));
        boolean kubeletHappy = switch (kind) {
            case READINESS -> !Boolean.FALSE.equals(containerReady);
            case LIVENESS, STARTUP -> !failedSinceStart;
        };
        return new ProbeComparison(ready, containerReady, latest == null ? null : latest.getMessage(),
                latest == null ? null : lastSeen(latest), latest == null || latest.getCount() == null ? (latest == null ? 0 : 1)
                : latest.getCount(), kubeletHappy == result.success());
    }

    /** One line, e.g. "kubelet: Ready False (ContainersNotReady); last Unhealthy (x42): Readiness probe failed: ..." */
    public String summary() {
        StringBuilder text = new StringBuilder("kubelet: Ready ").append(podReady);
        if (containerReady != null) {
            text.append(", container ready ").append(containerReady);
        }
        text.append(lastUnhealthy == null ? "; no Unhealthy events"
                : "; last Unhealthy (x" + unhealthyCount + ", " + lastUnhealthyAt + "): " + lastUnhealthy);
        text.append(agrees ? " — agrees with this run" : " — DIFFERS from this run");
        return text.toString();
    }

    private static String condition(V1Pod pod) {
        List<V1PodCondition> conditions = pod.getStatus() == null || pod.getStatus().getConditions() == null
                ? List.of() : pod.getStatus().getConditions();
        return conditions.stream().filter(c -> "Ready".equals(c.getType()))
                .map(c -> c.getStatus() + (c.getReason() == null ? "" : " (" + c.getReason() + ")"))
                .findFirst().orElse("Unknown");
    }

    private static OffsetDateTime startedAt(V1Pod pod, String container) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return null;
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(s -> container == null || s.getName().equals(container))
                .filter(s -> s.getState() != null && s.getState().getRunning() != null)
                .map(s -> s.getState().getRunning().getStartedAt()).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static OffsetDateTime lastSeen(CoreV1Event e) {
        if (e.getLastTimestamp() != null) {
            return e.getLastTimestamp();
        }
        if (e.getSeries() != null && e.getSeries().getLastObservedTime() != null) {
            return e.getSeries().getLastObservedTime();
        }
        return e.getEventTime() != null ? e.getEventTime() : e.getMetadata().getCreationTimestamp();
    }
}
