package dev.podscope.cli;

import dev.podscope.diagnosis.Diagnosis;

/** The CLI's Diagnosis section, in describe's style: a title line, then indented lines. */
final class DiagnosisText {

    private DiagnosisText() {
    }

    static String section(Diagnosis d) {
        StringBuilder sb = new StringBuilder("Diagnosis:\n");
        sb.append("  ").append(d.severity()).append(": ").append(d.headline()).append('\n');
        for (String line : d.details()) {
            sb.append("    ").append(line).append('\n');
        }
        return sb.toString();
    }
}
