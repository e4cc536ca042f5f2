package dev.podscope.pods;

import java.util.HashMap;
import java.util.Map;

/**
 * Running pod counts per namespace and phase, kept up to date pod by pod so a batch of a few changes does not
 * recount 10,000 pods.
 */
final class PodTally {
    private final Map<String, Map<String, int[]>> byNamespace = new HashMap<>();

    void add(String namespace, String phase) {
        byNamespace.computeIfAbsent(namespace, k -> new HashMap<>()).computeIfAbsent(phase, k -> new int[1])[0]++;
    }

    void remove(String namespace, String phase) {
        Map<String, int[]> phases = byNamespace.get(namespace);
        int[] count = phases == null ? null : phases.get(phase);
        if (count == null) {
            return;
        }
        if (--count[0] == 0) {
            phases.remove(phase);
            if (phases.isEmpty()) {
                byNamespace.remove(namespace);
            }
        }
    }

    void clear() {
        byNamespace.clear();
    }

    /** Phases counted in {@code namespace} (all namespaces for null); namespaces always all. */
    PodCounts counts(String namespace) {
        Map<String, Integer> phases = new HashMap<>();
        Map<String, Integer> namespaces = new HashMap<>();
        int inScope = 0;
        for (var entry : byNamespace.entrySet()) {
            int total = 0;
            boolean chosen = namespace == null || namespace.equals(entry.getKey());
            for (var phase : entry.getValue().entrySet()) {
                int count = phase.getValue()[0];
                total += count;
                if (chosen) {
                    phases.merge(phase.getKey(), count, Integer::sum);
                    inScope += count;
                }
            }
            namespaces.put(entry.getKey(), total);
        }
        return new PodCounts(Map.copyOf(phases), Map.copyOf(namespaces), inScope);
    }
}
