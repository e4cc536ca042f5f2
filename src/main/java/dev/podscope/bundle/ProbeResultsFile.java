package dev.podscope.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podscope.format.WireJson;
import dev.podscope.probes.ProbeJournal;
import dev.podscope.pods.PodKey;
import dev.podscope.probes.ProbeResult;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * probes/results.json (docs/bundle-format.md): the probe checks of this session on pods in the bundle's scope,
 * oldest first, redacted like every other file (a response body may carry a token).
 */
final class ProbeResultsFile {
    static final String PATH = "probes/results.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProbeResultsFile() {
    }

    /** The pods the entries are about: the export remembers which of them it collected. */
    static Set<PodKey> pods(List<ProbeJournal.Entry> entries) {
        return entries.stream().map(e -> new PodKey(e.namespace(), e.pod())).collect(Collectors.toSet());
    }

    /**
     * Writes the file when any of {@code entries} is about a pod the bundle has (in scope, matching the label
     * selector, still there); nothing otherwise.
     */
    static void write(ExportRun run, List<ProbeJournal.Entry> entries) throws IOException {
        ArrayNode items = MAPPER.createArrayNode();
        for (ProbeJournal.Entry entry : entries) {
            if (run.collected(new PodKey(entry.namespace(), entry.pod()))) {
                ObjectNode item = item(entry);
                run.redactor().object(item, PATH);
                items.add(item);
            }
        }
        if (items.isEmpty()) {
            return;
        }
        ObjectNode file = MAPPER.createObjectNode();
        file.put("kind", "ProbeResultList");
        file.set("items", items);
        run.zip().write(PATH, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(file));
    }

    private static ObjectNode item(ProbeJournal.Entry entry) {
        ProbeResult result = entry.result();
        ObjectNode item = MAPPER.createObjectNode();
        item.put("namespace", entry.namespace());
        item.put("pod", entry.pod());
        item.put("check", entry.check());
        item.put("action", result.action());
        item.put("at", result.when() == null ? null : WireJson.time(result.when()));
        item.put("success", result.success());
        item.put("latencyMillis", result.latency().toMillis());
        if (result.httpStatus() > 0) {
            item.put("httpStatus", result.httpStatus());
        }
        item.put("message", result.message());
        item.put("output", result.output());
        item.put("kubelet", entry.kubelet());
        if (entry.agrees() != null) {
            item.put("agreesWithKubelet", entry.agrees());
        }
        return item;
    }
}
