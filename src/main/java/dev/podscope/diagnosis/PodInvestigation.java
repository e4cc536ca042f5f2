package dev.podscope.diagnosis;

import dev.podscope.logs.LogException;
import dev.podscope.logs.LogLine;
import dev.podscope.logs.LogRequest;
import dev.podscope.logs.LogStream;
import dev.podscope.metrics.MetricsReader;
import dev.podscope.metrics.PodUsage;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gathers what the full diagnosis needs beyond the pod and its events: the tail of the previous log of a container
 * that crashed, and the pod's last usage sample. Both are best effort: a log or metrics API that fails leaves the
 * diagnosis without them. Blocking: call it off the FX thread.
 */
public final class PodInvestigation {

    /** Lines of the previous log to fetch; the diagnosis quotes the last few. */
    static final long TAIL_LINES = 20;

    private final ApiClient client;
    private final MetricsReader metrics;

    /** @param metrics the metrics reader, or null when the cluster has no metrics API */
    public PodInvestigation(ApiClient client, MetricsReader metrics) {
        this.client = client;
        this.metrics = metrics;
    }

    public Optional<Diagnosis> explain(V1Pod pod, List<CoreV1Event> events, Instant now) {
        if (PodDiagnosis.isHealthy(pod, now)) {
            return Optional.empty();
        }
        return PodDiagnosis.explain(pod, events, previousLogTail(pod), usage(pod), now);
    }

    /** The previous log of the first container that restarted after a crash, or nothing. */
    List<String> previousLogTail(V1Pod pod) {
        Optional<String> crashed = crashedContainer(pod);
        if (crashed.isEmpty()) {
            return List.of();
        }
        LogRequest request = LogRequest.of(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), crashed.get())
                .withPrevious(true).withTailLines(TAIL_LINES);
        try {
            List<String> lines = new ArrayList<>();
            for (LogLine line : LogStream.readAll(client, request, 0)) {
                lines.add(line.text());
            }
            return lines;
        } catch (LogException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * The container whose previous log tells why it failed: the one the diagnosis blames, i.e. the first in
     * CrashLoopBackOff, else the first that is not ready after a failed run; init containers first while the pod
     * is initializing.
     */
    static Optional<String> crashedContainer(V1Pod pod) {
        List<V1ContainerStatus> all = new ArrayList<>();
        if (PodFacts.conditionTrue(pod, "Initialized")) {
            all.addAll(PodFacts.containerStatuses(pod));
            all.addAll(PodFacts.initContainerStatuses(pod));
        } else {
            all.addAll(PodFacts.initContainerStatuses(pod));
            all.addAll(PodFacts.containerStatuses(pod));
        }
        Optional<String> backingOff = all.stream()
                .filter(s -> "CrashLoopBackOff".equals(ContainerTrouble.waitingReason(s)))
                .map(V1ContainerStatus::getName).findFirst();
        return backingOff.or(() -> all.stream()
                .filter(s -> !Boolean.TRUE.equals(s.getReady()))
                .filter(s -> ContainerTrouble.lastTerminated(s)
                        .filter(t -> t.getExitCode() != null && t.getExitCode() != 0).isPresent())
                .map(V1ContainerStatus::getName).findFirst());
    }

    private PodUsage usage(V1Pod pod) {
        if (metrics == null) {
            return null;
        }
        try {
            return metrics.pod(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
        } catch (RuntimeException e) { // MetricsException included: metrics are optional
            return null;
        }
    }
}
