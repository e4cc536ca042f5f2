package dev.podscope.diagnosis;

import dev.podscope.format.EventAge;
import dev.podscope.metrics.ContainerUsage;
import dev.podscope.metrics.PodUsage;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a diagnosis can be built from: the pod, and when the caller has them its events, the tail of a crashed
 * container's previous log and the last metrics sample. The status-only diagnosis passes no events, logs or usage.
 */
record Clues(V1Pod pod, List<CoreV1Event> events, List<String> previousLogTail, PodUsage usage, Instant now) {

    Clues {
        events = events == null ? List.of() : events;
        previousLogTail = previousLogTail == null ? List.of() : previousLogTail;
    }

    /** The most recent event with this reason, optionally only about one container (fieldPath spec.containers{c}). */
    Optional<CoreV1Event> latest(String reason, String container) {
        return events.stream()
                .filter(e -> reason.equals(e.getReason()))
                .filter(e -> container == null || aboutContainer(e, container))
                .max(Comparator.comparing(EventAge::lastTime));
    }

    /** The most recent event with this reason whose message starts with the prefix. */
    Optional<CoreV1Event> latestWithPrefix(String reason, String container, String messagePrefix) {
        return events.stream()
                .filter(e -> reason.equals(e.getReason()))
                .filter(e -> container == null || aboutContainer(e, container))
                .filter(e -> e.getMessage() != null && e.getMessage().startsWith(messagePrefix))
                .max(Comparator.comparing(EventAge::lastTime));
    }

    static boolean aboutContainer(CoreV1Event e, String container) {
        String path = e.getInvolvedObject() == null ? null : e.getInvolvedObject().getFieldPath();
        if (path == null || path.isEmpty()) {
            return true; // kubelet events about the whole pod still concern each of its containers
        }
        return path.endsWith("{" + container + "}");
    }

    Optional<ContainerUsage> usageOf(String container) {
        if (usage == null) {
            return Optional.empty();
        }
        return usage.containers().stream().filter(c -> c.name().equals(container)).findFirst();
    }
}
