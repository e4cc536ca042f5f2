package dev.podscope.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.podscope.bundle.redact.RedactionReport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** manifest.json as docs/bundle-format.md describes it. Holds no credentials and no server address. */
final class Manifest {
    static final String FORMAT = "podscope-bundle/1";
    static final String PODSCOPE_VERSION = "0.1.0";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Manifest() {
    }

    static byte[] json(String createdAt, String context, Map<String, Object> server, BundleScope scope,
                       List<FileEntry> files, List<MissingEntry> missing, RedactionReport redactions) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("podscopeVersion", PODSCOPE_VERSION);
        root.put("createdAt", createdAt);
        root.put("context", context);
        root.put("server", server);
        root.put("scope", scope(scope));
        List<Map<String, Object>> fileList = new ArrayList<>();
        for (FileEntry file : files) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", file.path());
            entry.put("size", file.size());
            entry.put("sha256", file.sha256());
            if (file.truncatedFrom() != null) {
                entry.put("truncatedFrom", file.truncatedFrom());
            }
            fileList.add(entry);
        }
        root.put("files", fileList);
        root.put("missing", missing.stream().map(m -> Map.of("path", m.path(), "reason", m.reason())).toList());
        root.put("redactions", redactions.rules().stream().map(r -> {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("rule", r.rule());
            rule.put("count", r.count());
            rule.put("files", new java.util.TreeMap<>(r.files()));
            return rule;
        }).toList());
        return MAPPER.writeValueAsBytes(root);
    }

    private static Map<String, Object> scope(BundleScope scope) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("namespaces", scope.namespaces());
        map.put("allNamespaces", scope.allNamespaces());
        if (!scope.pods().isEmpty()) {
            map.put("pods", scope.pods().stream().map(Object::toString).toList());
        }
        map.put("labelSelector", scope.labelSelector());
        map.put("since", scope.since() == null ? null : scope.since().toString().substring(2).toLowerCase());
        map.put("logs", scope.logs().wire());
        map.put("logLimitBytes", scope.logLimitBytes());
        map.put("configMapData", scope.configMapData());
        return map;
    }
}
