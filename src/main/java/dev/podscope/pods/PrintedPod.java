package dev.podscope.pods;

import dev.podscope.format.PodRow;
import io.kubernetes.client.openapi.models.V1Pod;

import java.time.Instant;

/** A pod with its table row, printed where the pod arrived (the watch thread) so the UI thread only assigns it. */
public record PrintedPod(V1Pod pod, PodRow row) {

    public static PrintedPod of(V1Pod pod, Instant now) {
        return new PrintedPod(pod, PodRow.of(pod, now));
    }
}
