package dev.podscope.bundle;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The metrics.k8s.io snapshot: PodMetrics of the pods in scope and NodeMetrics, when the cluster has the API. */
final class MetricsCollector {
    private static final String BASE = "/apis/metrics.k8s.io/v1beta1";
    private static final String API_VERSION = "metrics.k8s.io/v1beta1";

    private final ExportRun run;

    MetricsCollector(ExportRun run) {
        this.run = run;
    }

    void collect(List<String> namespaces) throws IOException {
        if (!installed()) {
            run.missing("metrics/pods.json", "not found: the metrics.k8s.io API is not installed (no metrics-server)");
            run.missing("metrics/nodes.json", "not found: the metrics.k8s.io API is not installed (no metrics-server)");
            return;
        }
        ListFile pods = new ListFile(run.zip(), "metrics/pods.json", "PodMetricsList", API_VERSION);
        Map<String, String> query = new HashMap<>();
        if (run.scope().labelSelector() != null && !run.scope().labelSelector().isBlank()) {
            query.put("labelSelector", run.scope().labelSelector());
        }
        for (String namespace : namespaces) {
            run.checkCancelled();
            try {
                run.api().pages(BASE + "/namespaces/" + namespace + "/pods", query, page -> {
                    pods.start(page);
                    for (JsonNode item : page.path("items")) {
                        if (run.scope().includes(namespace, item.path("metadata").path("name").asText())) {
                            pods.item(item);
                        }
                    }
                });
            } catch (ApiReads.Refused refused) {
                run.missing("metrics/pods.json#" + namespace, refused.reason());
            }
        }
        pods.finish();
        ListFile nodes = new ListFile(run.zip(), "metrics/nodes.json", "NodeMetricsList", API_VERSION);
        try {
            run.api().pages(BASE + "/nodes", Map.of(), page -> {
                nodes.start(page);
                for (JsonNode item : page.path("items")) {
                    nodes.item(item);
                }
            });
            nodes.finish();
        } catch (ApiReads.Refused refused) {
            if (nodes.started()) {
                nodes.finish();
            }
            run.missing("metrics/nodes.json", refused.reason());
        }
    }

    private boolean installed() {
        try {
            for (JsonNode group : run.api().get("/apis", Map.of()).path("groups")) {
                if ("metrics.k8s.io".equals(group.path("name").asText())) {
                    return true;
                }
            }
            return false;
        } catch (ApiReads.Refused refused) {
            return false;
        }
    }
}
