package dev.podscope.metrics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podscope.format.Quantities;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes metrics.k8s.io/v1beta1 PodMetrics, NodeMetrics and their lists straight into usage records (client-java
 * has no types for them). Data binding streams: a 10,000-pod list never becomes a tree.
 */
final class MetricsDocuments {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private MetricsDocuments() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Meta(String name, String namespace) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Container(String name, Map<String, String> usage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(Meta metadata, String timestamp, String window, List<Container> containers,
                Map<String, String> usage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ItemList(List<Item> items) {
    }

    static List<PodUsage> podList(InputStream json) throws IOException {
        ItemList list = MAPPER.readValue(json, ItemList.class);
        List<PodUsage> pods = new ArrayList<>(list.items() == null ? 0 : list.items().size());
        if (list.items() != null) {
            list.items().forEach(item -> pods.add(pod(item)));
        }
        return pods;
    }

    static PodUsage pod(InputStream json) throws IOException {
        return pod(MAPPER.readValue(json, Item.class));
    }

    static List<NodeUsage> nodeList(InputStream json) throws IOException {
        ItemList list = MAPPER.readValue(json, ItemList.class);
        return list.items() == null ? List.of() : list.items().stream().map(MetricsDocuments::node).toList();
    }

    static NodeUsage node(InputStream json) throws IOException {
        return node(MAPPER.readValue(json, Item.class));
    }

    /** The group names of an {@code /apis} APIGroupList. */
    static List<String> groupNames(InputStream json) throws IOException {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Groups(List<Map<String, Object>> groups) {
        }
        Groups groups = MAPPER.readValue(json, Groups.class);
        return groups.groups() == null ? List.of()
                : groups.groups().stream().map(g -> String.valueOf(g.get("name"))).toList();
    }

    private static PodUsage pod(Item item) {
        List<ContainerUsage> containers = new ArrayList<>();
        if (item.containers() != null) {
            for (Container c : item.containers()) {
                Map<String, String> usage = c.usage() == null ? Map.of() : c.usage();
                containers.add(new ContainerUsage(c.name(), Quantities.nanoCores(usage.get("cpu")),
                        Quantities.bytes(usage.get("memory"))));
            }
        }
        return new PodUsage(new PodName(item.metadata().namespace(), item.metadata().name()),
                instant(item.timestamp()), GoDuration.parse(item.window()), containers);
    }

    private static NodeUsage node(Item item) {
        Map<String, String> usage = item.usage() == null ? Map.of() : item.usage();
        return new NodeUsage(item.metadata().name(), instant(item.timestamp()), GoDuration.parse(item.window()),
                Quantities.nanoCores(usage.get("cpu")), Quantities.bytes(usage.get("memory")));
    }

    private static Instant instant(String text) {
        return text == null || text.isEmpty() ? Instant.EPOCH : Instant.parse(text);
    }
}
