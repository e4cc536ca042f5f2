package dev.podscope.bundle;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * summary.md, gathered while the export goes by: pod counts per namespace, the unhealthy pods (at most
 * {@value #MAX_LISTED}) with their diagnosis and their last {@value #EVENTS_PER_POD} warning events.
 */
final class Summary {
    static final int MAX_LISTED = 300;
    static final int EVENTS_PER_POD = 3;

    private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    private final List<PodFacts> unhealthy = new ArrayList<>();
    private final Map<String, Deque<String>> warnings = new HashMap<>();
    private final Set<String> listed = new HashSet<>();
    private int unhealthyTotal;
    private int pods;

    int pods() {
        return pods;
    }

    void pod(PodFacts pod) {
        pods++;
        counts.computeIfAbsent(pod.namespace(), n -> new TreeMap<>())
                .merge(pod.status().isEmpty() ? "(none)" : pod.status(), 1, Integer::sum);
        if (pod.unhealthy()) {
            unhealthyTotal++;
            if (unhealthy.size() < MAX_LISTED) {
                unhealthy.add(pod);
                listed.add(pod.namespace() + "/" + pod.name());
            }
        }
    }

    void namespace(String namespace) {
        counts.computeIfAbsent(namespace, n -> new TreeMap<>());
    }

    /** An event of the namespace (already redacted): kept when it is a warning about a listed unhealthy pod. */
    void event(String namespace, JsonNode event) {
        if (!"Warning".equals(event.path("type").asText()) || !"Pod".equals(event.path("involvedObject").path("kind").asText())) {
            return;
        }
        String pod = event.path("involvedObject").path("name").asText();
        if (!listed.contains(namespace + "/" + pod)) {
            return;
        }
        String time = event.path("lastTimestamp").asText(event.path("eventTime").asText(""));
        Deque<String> last = warnings.computeIfAbsent(namespace + "/" + pod, k -> new ArrayDeque<>());
        last.addLast(time + " " + event.path("reason").asText() + " (x" + event.path("count").asInt(1) + "): "
                + event.path("message").asText().strip().replace('\n', ' '));
        while (last.size() > EVENTS_PER_POD) {
            last.removeFirst();
        }
    }

    String markdown(String context, String createdAt, String serverVersion) {
        StringBuilder md = new StringBuilder();
        md.append("# Podscope diagnostic bundle\n\n");
        md.append("- Context: `").append(context).append("`\n");
        md.append("- Server: ").append(serverVersion).append('\n');
        md.append("- Captured: ").append(createdAt).append("\n\n");
        md.append("## Pods per namespace\n\n| Namespace | Pods | By status |\n|---|---:|---|\n");
        counts.forEach((namespace, byStatus) -> md.append("| ").append(namespace).append(" | ")
                .append(byStatus.values().stream().mapToInt(Integer::intValue).sum()).append(" | ")
                .append(byStatus.isEmpty() ? "" : String.join(", ", byStatus.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList())).append(" |\n"));
        md.append("\n## Unhealthy pods (").append(unhealthyTotal).append(")\n\n");
        if (unhealthy.isEmpty()) {
            md.append("None: every pod in scope is running and ready, or has completed.\n");
        }
        for (PodFacts pod : unhealthy) {
            md.append("### ").append(pod.namespace()).append('/').append(pod.name()).append("\n\n");
            md.append("- Status: **").append(pod.status()).append("**, ready ").append(pod.ready())
                    .append(", restarts ").append(pod.restarts()).append('\n');
            if (!pod.diagnosis().isEmpty()) {
                md.append("- Diagnosis: ").append(pod.diagnosis()).append('\n');
            }
            Deque<String> events = warnings.get(pod.namespace() + "/" + pod.name());
            if (events != null) {
                md.append("- Last warning events:\n");
                events.forEach(e -> md.append("  - ").append(e).append('\n'));
            }
            md.append('\n');
        }
        if (unhealthyTotal > unhealthy.size()) {
            md.append("… and ").append(unhealthyTotal - unhealthy.size()).append(" more unhealthy pods (see pods.json).\n");
        }
        return md.toString();
    }
}
