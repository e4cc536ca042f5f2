package dev.podscope.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code -o json} and {@code -o yaml} the way kubectl prints objects: keys sorted (kubectl prints unstructured maps),
 * JSON indented by four spaces with Go's HTML escaping; YAML from SnakeYAML, whose emitter descends from libyaml as
 * go-yaml's does, so it picks the same scalar styles (plain, then single quotes, then double) and block lists.
 */
public final class KubectlObjectPrinter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(() -> {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setPrettyFlow(false);
        return new Yaml(new GoYamlStrings(options), options);
    });

    private KubectlObjectPrinter() {
    }

    /** A list of objects as kubectl prints several: {@code kind: List} with {@code metadata.resourceVersion: ""}. */
    public static JsonNode asList(List<JsonNode> items) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("apiVersion", "v1");
        list.putArray("items").addAll(items);
        list.put("kind", "List");
        list.putObject("metadata").put("resourceVersion", "");
        return list;
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String json(JsonNode node) {
        try {
            var printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("    ", "\n"));
            return JSON.writer(printer).with(new GoHtmlEscapes()).writeValueAsString(sorted(node)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String yaml(JsonNode node) {
        try {
            return YAML.get().dump(JSON.convertValue(sorted(node), Object.class));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot print as YAML: " + e.getMessage(), e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : fields) {
                out.set(field.getKey(), sorted(field.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }

    /** Go's encoding/json escapes {@code < > &} (and U+2028/2029) even in plain output. */
    private static final class GoHtmlEscapes extends CharacterEscapes {
        private final int[] escapes;

        GoHtmlEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    /**
     * go-yaml's string rule: double quotes for strings YAML 1.1 would read as another type (timestamps, "True",
     * "36"), literal blocks for multi-line strings, otherwise plain — which the emitter turns into single quotes
     * where plain is not allowed.
     */
    private static final class GoYamlStrings extends Representer {
        private final Resolver resolver = new Resolver();

        GoYamlStrings(DumperOptions options) {
            super(options);
            this.representers.put(String.class, data -> {
                String value = (String) data;
                DumperOptions.ScalarStyle style = value.contains("\n") ? DumperOptions.ScalarStyle.LITERAL
                        : resolver.resolve(NodeId.scalar, value, true).equals(Tag.STR)
                        ? DumperOptions.ScalarStyle.PLAIN : DumperOptions.ScalarStyle.DOUBLE_QUOTED;
                return representScalar(Tag.STR, value, style);
            });
        }
    }
}
