package dev.podscope.diagnosis;

import dev.podscope.metrics.MetricsReader;
import dev.podscope.metrics.PodUsage;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Gathers what the full diagnosis needs beyond the pod and its events: the tail of the previous log of a container
 * that crashed ({@link PreviousLogTail}) and the pod's last usage sample. Both are best effort: a log or metrics API
 * that fails leaves the diagnosis without them. Blocking: call it off the FX thread.
 */
public final class PodInvestigation {

    private final ApiClient client;
    private final MetricsReader metrics;
    private final PreviousLogTail previousLog = new PreviousLogTail();

    /** @param metrics the metrics reader, or null when the cluster has no metrics API */
    public PodInvestigation(ApiClient client, MetricsReader metrics) {
        this.client = client;
        this.metrics = metrics;
    }

    public Optional<Diagnosis> explain(V1Pod pod, List<CoreV1Event> events, Instant now) {
        if (PodDiagnosis.isHealthy(pod, now)) {
            return Optional.empty();
        }
        return PodDiagnosis.explain(pod, events, previousLog.read(client, pod), usage(pod), now);
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
