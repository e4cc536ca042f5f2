package dev.podscope.pods;

import dev.podscope.diagnosis.Diagnosis;
import dev.podscope.diagnosis.PodDiagnosis;
import dev.podscope.format.PodRow;
import io.kubernetes.client.openapi.models.V1Pod;

import java.time.Instant;

/**
 * A pod with its table row and, when it is unhealthy, the diagnosis from its status (the WHY column), worked out
 * where the pod arrived (the watch thread) so the UI thread only assigns them. {@code why} is null for healthy pods.
 */
public record PrintedPod(V1Pod pod, PodRow row, Diagnosis why) {

    public PrintedPod(V1Pod pod, PodRow row) {
        this(pod, row, null);
    }

    public static PrintedPod of(V1Pod pod, Instant now) {
        return new PrintedPod(pod, PodRow.of(pod, now), PodDiagnosis.fromStatus(pod, now).orElse(null));
    }
}
