package dev.podscope.sandbox.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The metrics.k8s.io/v1beta1 documents as metrics-server writes them. Usage quantities are canonical: CPU is a
 * nanocore count ({@code 12345678n}, or {@code 12m} when it happens to be round), memory a byte count in binary
 * units ({@code 34567Ki}, {@code 34Mi}); kubectl top rounds CPU up to millicores and memory down to Mi.
 */
final class MetricsJson {
    static final String API_VERSION = ResourceMetrics.GROUP + "/" + ResourceMetrics.VERSION;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MetricsJson() {
    }

    record ContainerUsage(String name, Usage usage) {
    }

    static ObjectNode podMetrics(V1ObjectMeta pod, Instant timestamp, Instant now, List<ContainerUsage> containers) {
        ObjectNode item = item("PodMetrics", pod, true, now);
        times(item, timestamp);
        ArrayNode list = item.putArray("containers");
        for (ContainerUsage c : containers) {
            ObjectNode container = list.addObject();
            container.put("name", c.name());
            usage(container, c.usage());
        }
        return item;
    }

    static ObjectNode nodeMetrics(V1ObjectMeta node, Instant timestamp, Instant now, Usage usage) {
        ObjectNode item = item("NodeMetrics", node, false, now);
        times(item, timestamp);
        usage(item, usage);
        return item;
    }

    static byte[] list(String kind, List<ObjectNode> items) {
        ObjectNode list = MAPPER.createObjectNode();
        list.put("kind", kind);
        list.put("apiVersion", API_VERSION);
        list.putObject("metadata");
        list.putArray("items").addAll(items);
        return bytes(list);
    }

    static byte[] bytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a metrics document: " + e.getMessage(), e);
        }
    }

    /** metrics-server stamps each item with the time of the request as its creationTimestamp. */
    private static ObjectNode item(String kind, V1ObjectMeta source, boolean namespaced, Instant now) {
        ObjectNode item = MAPPER.createObjectNode();
        item.put("kind", kind);
        item.put("apiVersion", API_VERSION);
        ObjectNode metadata = item.putObject("metadata");
        metadata.put("name", source.getName());
        if (namespaced) {
            metadata.put("namespace", source.getNamespace());
        }
        metadata.put("creationTimestamp", time(now));
        Map<String, String> labels = source.getLabels();
        if (labels != null && !labels.isEmpty()) {
            ObjectNode labelNode = metadata.putObject("labels");
            labels.forEach(labelNode::put);
        }
        return item;
    }

    private static void times(ObjectNode item, Instant timestamp) {
        item.put("timestamp", time(timestamp));
        item.put("window", UsageModel.WINDOW.toSeconds() + "s");
    }

    private static void usage(ObjectNode parent, Usage usage) {
        ObjectNode node = parent.putObject("usage");
        node.put("cpu", new Quantity(BigDecimal.valueOf(usage.nanoCores(), 9), Quantity.Format.DECIMAL_SI)
                .toSuffixedString());
        node.put("memory", new Quantity(BigDecimal.valueOf(usage.bytes()), Quantity.Format.BINARY_SI)
                .toSuffixedString());
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
