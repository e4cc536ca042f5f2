package dev.podscope.sandbox.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The metrics snapshot a bundle recorded ({@code metrics/pods.json}, {@code metrics/nodes.json}): the same
 * PodMetrics and NodeMetrics items, whatever the time, for the pods and nodes asked about.
 */
public final class RecordedMetrics implements MetricsSource {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, ObjectNode> pods;
    private final Map<String, ObjectNode> nodes;

    private RecordedMetrics(Map<String, ObjectNode> pods, Map<String, ObjectNode> nodes) {
        this.pods = pods;
        this.nodes = nodes;
    }

    /** Reads a PodMetricsList and a NodeMetricsList; either may be null when it was not recorded. */
    public static RecordedMetrics read(byte[] podMetricsList, byte[] nodeMetricsList) {
        return new RecordedMetrics(items(podMetricsList), items(nodeMetricsList));
    }

    @Override
    public byte[] podMetricsList(List<V1Pod> list) {
        return MetricsJson.list("PodMetricsList", list.stream().map(p -> pods.get(key(p.getMetadata())))
                .filter(Objects::nonNull).toList());
    }

    @Override
    public Optional<byte[]> podMetrics(V1Pod pod) {
        return Optional.ofNullable(pods.get(key(pod.getMetadata()))).map(MetricsJson::bytes);
    }

    @Override
    public byte[] nodeMetricsList(List<V1Node> list, List<V1Pod> allPods) {
        return MetricsJson.list("NodeMetricsList", list.stream().map(n -> nodes.get(key(n.getMetadata())))
                .filter(Objects::nonNull).toList());
    }

    @Override
    public Optional<byte[]> nodeMetrics(V1Node node, List<V1Pod> allPods) {
        return Optional.ofNullable(nodes.get(key(node.getMetadata()))).map(MetricsJson::bytes);
    }

    private static Map<String, ObjectNode> items(byte[] list) {
        Map<String, ObjectNode> items = new HashMap<>();
        if (list == null) {
            return items;
        }
        try {
            for (JsonNode item : MAPPER.readTree(list).path("items")) {
                if (item instanceof ObjectNode object) {
                    JsonNode metadata = item.path("metadata");
                    items.put(metadata.path("namespace").asText("") + "/" + metadata.path("name").asText(), object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a recorded metrics list is not valid JSON: " + e.getMessage(), e);
        }
        return items;
    }

    private static String key(V1ObjectMeta metadata) {
        return (metadata.getNamespace() == null ? "" : metadata.getNamespace()) + "/" + metadata.getName();
    }
}
