package dev.podscope.probes;

import dev.podscope.format.HumanDuration;

import java.time.Duration;
import java.time.Instant;

/** The probe dialog's strings, as pure functions of a result and a comparison. */
final class ProbeTexts {
    private ProbeTexts() {
    }

    /** "12 ms · HTTP 500" or "3 ms" */
    static String figures(ProbeResult r) {
        return r.latency().toMillis() + " ms" + (r.httpStatus() > 0 ? " · HTTP " + r.httpStatus() : "");
    }

    /**
     * "Kubelet: pod Ready False (ContainersNotReady), container not ready. Last Unhealthy event 2m ago (x41):
     * Readiness probe failed: HTTP probe failed with statuscode: 500"
     */
    static String kubelet(ProbeComparison c, String problem) {
        if (c == null) {
            return problem == null ? "An ad-hoc check has no kubelet counterpart" : problem;
        }
        StringBuilder text = new StringBuilder("Kubelet: pod Ready ").append(c.podReady());
        if (c.containerReady() != null) {
            text.append(c.containerReady() ? ", container ready." : ", container not ready.");
        } else {
            text.append('.');
        }
        if (c.lastUnhealthy() == null) {
            text.append(" No Unhealthy events for this probe.");
        } else {
            String ago = c.lastUnhealthyAt() == null ? ""
                    : " " + HumanDuration.format(Duration.between(c.lastUnhealthyAt().toInstant(), Instant.now())) + " ago";
            text.append(" Last Unhealthy event").append(ago).append(" (x").append(c.unhealthyCount()).append("): ")
                    .append(c.lastUnhealthy());
        }
        return text.toString();
    }

    /** "Agrees with the kubelet" / "Differs from the kubelet" / "" for ad-hoc checks. */
    static String agreement(ProbeComparison c) {
        if (c == null) {
            return "";
        }
        return c.agrees() ? "Agrees with the kubelet" : "Differs from the kubelet";
    }
}
