package dev.podscope.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podscope.bundle.redact.Redactor;
import dev.podscope.format.WireJson;
import dev.podscope.logs.LogRequest;
import io.kubernetes.client.openapi.models.V1Pod;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything of one namespace into the bundle: pods, events, workloads, ConfigMaps and Secret names, then the
 * logs of its pods. Objects are redacted one at a time on their way into the zip.
 */
final class NamespaceCollector {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ExportRun run;

    NamespaceCollector(ExportRun run) {
        this.run = run;
    }

    /** Collects {@code namespace}; progress runs from {@code from} to {@code to}. */
    void collect(String namespace, double from, double to) throws IOException {
        String prefix = "namespaces/" + namespace + "/";
        run.progress("Pods of " + namespace, from);
        List<PodFacts> pods = pods(namespace, prefix + "pods.json");
        run.progress("Events of " + namespace, from + (to - from) * 0.1);
        list(prefix + "events.json", "/api/v1/namespaces/" + namespace + "/events", "EventList", "v1", false,
                event -> run.summary().event(namespace, event));
        for (Kinds kind : Kinds.WORKLOADS) {
            list(prefix + kind.plural() + ".json", kind.path(namespace), kind.listKind(), kind.apiVersion(), true, null);
        }
        configMaps(namespace, prefix + "configmaps.json");
        secrets(namespace, prefix + "secrets.json");
        logs(pods, from + (to - from) * 0.2, to);
    }

    private List<PodFacts> pods(String namespace, String path) throws IOException {
        List<PodFacts> facts = new ArrayList<>();
        list(path, "/api/v1/namespaces/" + namespace + "/pods", "PodList", "v1", true, null, pod -> {
            if (!run.scope().includes(namespace, pod.path("metadata").path("name").asText())) {
                return null;
            }
            run.redactor().object(pod, path);
            byte[] json = MAPPER.writeValueAsBytes(pod);
            PodFacts fact = PodFacts.of(WireJson.read(json, V1Pod.class), run.now());
            facts.add(fact);
            run.summary().pod(fact);
            run.podCollected(fact.namespace(), fact.name());
            return json;
        });
        return facts;
    }

    private void configMaps(String namespace, String path) throws IOException {
        list(path, "/api/v1/namespaces/" + namespace + "/configmaps", "ConfigMapList", "v1", true, null, map -> {
            if (run.scope().configMapData()) {
                run.redactor().configMapData(map, path);
            } else {
                map.remove("data");
                map.remove("binaryData");
            }
            run.redactor().object(map, path);
            return MAPPER.writeValueAsBytes(map);
        });
    }

    /** Secrets: name, namespace and type, nothing else, not even labels or annotations (last-applied holds data). */
    private void secrets(String namespace, String path) throws IOException {
        list(path, "/api/v1/namespaces/" + namespace + "/secrets", "SecretList", "v1", true, null, secret -> {
            ObjectNode kept = MAPPER.createObjectNode();
            kept.putObject("metadata").put("name", secret.path("metadata").path("name").asText())
                    .put("namespace", namespace);
            if (secret.hasNonNull("type")) {
                kept.put("type", secret.path("type").asText());
            }
            return MAPPER.writeValueAsBytes(kept);
        });
    }

    private void list(String path, String apiPath, String kind, String apiVersion, boolean selectable,
                      ItemSink sink) throws IOException {
        list(path, apiPath, kind, apiVersion, selectable, sink, item -> {
            run.redactor().object(item, path);
            return MAPPER.writeValueAsBytes(item);
        });
    }

    /** A list file from every page of {@code apiPath}; {@code transform} redacts an item or drops it (null). */
    private void list(String path, String apiPath, String kind, String apiVersion, boolean selectable,
                      ItemSink sink, ItemTransform transform) throws IOException {
        ListFile file = new ListFile(run.zip(), path, kind, apiVersion);
        Map<String, String> query = new HashMap<>();
        if (selectable && run.scope().labelSelector() != null && !run.scope().labelSelector().isBlank()) {
            query.put("labelSelector", run.scope().labelSelector());
        }
        try {
            run.api().pages(apiPath, query, page -> {
                run.checkCancelled();
                file.start(page);
                for (JsonNode item : page.path("items")) {
                    if (item instanceof ObjectNode object) {
                        byte[] json = transform.apply(object);
                        if (json != null) {
                            file.item(json);
                            if (sink != null) {
                                sink.item(object);
                            }
                        }
                    }
                }
            });
            file.finish();
        } catch (ApiReads.Refused refused) {
            if (file.started()) {
                file.finish();
            }
            run.missing(path, refused.reason());
        }
    }

    private void logs(List<PodFacts> pods, double from, double to) throws IOException {
        LogSelection selection = run.scope().logs();
        if (selection == LogSelection.NONE) {
            return;
        }
        int done = 0;
        try (LogQueue queue = new LogQueue(run)) {
            for (PodFacts pod : pods) {
                run.checkCancelled();
                run.progress("Logs of " + pod.namespace() + "/" + pod.name(),
                        from + (to - from) * done++ / Math.max(1, pods.size()));
                if (selection == LogSelection.UNHEALTHY && !pod.unhealthy()) {
                    continue;
                }
                for (PodFacts.ContainerLogs container : pod.containers()) {
                    String base = "logs/" + pod.namespace() + "/" + pod.name() + "/" + container.name();
                    queue.submit(request(pod, container.name(), false), base + ".log");
                    if (container.previous()) {
                        queue.submit(request(pod, container.name(), true), base + ".previous.log");
                    }
                }
            }
            queue.drain();
        }
    }

    private LogRequest request(PodFacts pod, String container, boolean previous) {
        LogRequest request = LogRequest.of(pod.namespace(), pod.name(), container).withPrevious(previous)
                .withTimestamps(true); // the replay serves --timestamps and --since from these
        if (run.scope().since() != null) {
            request = request.withSinceSeconds(Math.max(1, run.scope().since().toSeconds()));
        }
        return request;
    }

    interface ItemSink {
        void item(JsonNode item);
    }

    interface ItemTransform {
        byte[] apply(ObjectNode item) throws IOException;
    }
}
