package dev.podscope.pods;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How many pods there are per phase (in the chosen namespace, or all) and per namespace (always all).
 *
 * @param byPhase     phase name to count, only phases that occur
 * @param byNamespace namespace to count
 * @param inScope     pods in the chosen namespace (all pods when none is chosen)
 */
public record PodCounts(Map<String, Integer> byPhase, Map<String, Integer> byNamespace, int inScope) {
    private static final List<String> PHASES = List.of("Running", "Pending", "Succeeded", "Failed", "Unknown");

    public static final PodCounts NONE = new PodCounts(Map.of(), Map.of(), 0);

    /** "Running 31 · Pending 3 · Failed 1", phases in lifecycle order, zeros left out; "No pods" when empty. */
    public String phaseSummary() {
        if (byPhase.isEmpty()) {
            return "No pods";
        }
        StringJoiner joiner = new StringJoiner(" · ");
        for (String phase : PHASES) {
            Integer count = byPhase.get(phase);
            if (count != null) {
                joiner.add(phase + " " + count);
            }
        }
        byPhase.keySet().stream().filter(p -> !PHASES.contains(p)).sorted()
                .forEach(p -> joiner.add(p + " " + byPhase.get(p)));
        return joiner.toString();
    }

    public int inNamespace(String namespace) {
        return byNamespace.getOrDefault(namespace, 0);
    }
}
