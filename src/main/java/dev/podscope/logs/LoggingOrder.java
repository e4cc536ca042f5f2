package dev.podscope.logs;

import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * kubectl's {@code podutils.ByLogging}: the pod of a workload whose log {@code kubectl logs deploy/x} shows first —
 * assigned before unassigned, Running before Unknown before Pending, ready before not ready, more restarts first,
 * then the oldest.
 */
public final class LoggingOrder {
    private static final Map<String, Integer> PHASES = Map.of("Running", 0, "Unknown", 1, "Pending", 2);
    public static final Comparator<V1Pod> BY_LOGGING = Comparator
            .comparing((V1Pod p) -> nodeName(p).isEmpty())
            .thenComparing(p -> PHASES.getOrDefault(p.getStatus() == null ? "" : p.getStatus().getPhase(), 3))
            .thenComparing(p -> !ready(p))
            .thenComparing(p -> -maxRestarts(p))
            .thenComparing(p -> p.getMetadata().getCreationTimestamp(),
                    Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()));

    private LoggingOrder() {
    }

    private static String nodeName(V1Pod pod) {
        return pod.getSpec() == null || pod.getSpec().getNodeName() == null ? "" : pod.getSpec().getNodeName();
    }

    private static boolean ready(V1Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
                .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static int maxRestarts(V1Pod pod) {
        List<V1ContainerStatus> statuses = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
        return statuses.stream().mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).max().orElse(0);
    }
}
