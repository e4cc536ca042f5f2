package dev.podscope.bundle.redact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How many values each rule masked, in total and per bundle file: the manifest's {@code redactions}. */
public final class RedactionReport {
    private final Map<String, Map<String, Integer>> byRule = new LinkedHashMap<>();

    public synchronized void add(String rule, String file, int count) {
        if (count > 0) {
            byRule.computeIfAbsent(rule, r -> new LinkedHashMap<>()).merge(file, count, Integer::sum);
        }
    }

    public synchronized List<RuleCount> rules() {
        return byRule.entrySet().stream().map(e -> new RuleCount(e.getKey(),
                e.getValue().values().stream().mapToInt(Integer::intValue).sum(), Map.copyOf(e.getValue()))).toList();
    }

    public synchronized int total() {
        return byRule.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }

    public record RuleCount(String rule, int count, Map<String, Integer> files) {
    }
}
