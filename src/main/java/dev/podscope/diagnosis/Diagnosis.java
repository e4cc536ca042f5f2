package dev.podscope.diagnosis;

import java.util.List;

/**
 * A plain-language explanation of why a pod is not healthy.
 *
 * @param severity how bad it is
 * @param headline one line, e.g. "Cannot be scheduled: not enough CPU (requests 4 CPU; 0/3 nodes have room)"
 * @param details  further lines, each a full sentence or fact (exit code, back-off, probe target ...)
 * @param evidence the raw material it was built from, quoted: event messages, status reasons, log lines
 */
public record Diagnosis(Severity severity, String headline, List<String> details, List<String> evidence) {

    public Diagnosis {
        details = List.copyOf(details);
        evidence = List.copyOf(evidence);
    }

    /** Headline and details as lines of text, for a tooltip or the CLI. */
    public String text() {
        StringBuilder sb = new StringBuilder(headline);
        for (String d : details) {
            sb.append('\n').append(d);
        }
        return sb.toString();
    }
}
