package dev.podscope.probes;

import java.time.Duration;
import java.time.Instant;

/**
 * One probe run as the kubelet would judge it. {@code httpStatus} is 0 for non-HTTP probes (or when no answer came);
 * {@code output} holds the first bytes of the response body or command output (at most {@link #OUTPUT_LIMIT});
 * {@code message} is the verdict in the kubelet's words ("HTTP probe failed with statuscode: 500").
 */
public record ProbeResult(boolean success, Duration latency, int httpStatus, String output, String message,
                          Instant when, String action) {
    public static final int OUTPUT_LIMIT = 1024;

    /** e.g. "success in 12 ms (HTTP 200)" */
    public String summary() {
        return (success ? "success" : "failure") + " in " + latency.toMillis() + " ms"
                + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "");
    }
}
