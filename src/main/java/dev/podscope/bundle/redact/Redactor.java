package dev.podscope.bundle.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks secrets in what goes into a bundle: API objects (as JSON trees, in place) and log lines. Object rules know
 * the structure (env values with sensitive names, ConfigMap data, the JSON inside last-applied-configuration);
 * text rules ({@link TextRules} and the user's) run over every string and every log line. Every mask is counted
 * in the {@link RedactionReport} under its rule and file.
 */
public final class Redactor {
    public static final String SENSITIVE_ENV = "sensitive-env-value";
    public static final String SENSITIVE_CONFIGMAP_KEY = "sensitive-configmap-key";
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<RedactionRule> rules;
    private final RedactionReport report;
    /** Rule sets by the rules they hold: most files share the same few. */
    private final Map<List<RedactionRule>, TextRuleSet> ruleSets = new ConcurrentHashMap<>();

    public Redactor(List<RedactionRule> userRules, RedactionReport report) {
        List<RedactionRule> all = new ArrayList<>(TextRules.ALL);
        all.addAll(userRules);
        this.rules = List.copyOf(all);
        this.report = report;
    }

    public RedactionReport report() {
        return report;
    }

    /** Redacts one object of bundle file {@code file} in place. */
    public void object(ObjectNode object, String file) {
        TextRuleSet applicable = rulesFor(file);
        walk(object, file, applicable);
    }

    /** A log line of {@code file} with secrets masked. Multi-line private keys are handled by {@link LogRedaction}. */
    public String line(String line, String file, TextRuleSet applicable) {
        return text(line, file, applicable);
    }

    /** The rules that apply to {@code file}: built-in ones everywhere, user rules where their glob matches. */
    public TextRuleSet rulesFor(String file) {
        return ruleSets.computeIfAbsent(rules.stream().filter(r -> r.appliesTo(file)).toList(),
                applicable -> TextRuleSet.of(applicable, LogRedaction.KEY_BLOCK_HINT));
    }

    private void walk(JsonNode node, String file, TextRuleSet applicable) {
        if (node instanceof ObjectNode object) {
            maskSensitiveEnv(object, file);
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            fields.forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> field : entries) {
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    String replaced = LAST_APPLIED.equals(field.getKey())
                            ? lastApplied(value.asText(), file, applicable)
                            : text(value.asText(), file, applicable);
                    if (!replaced.equals(value.asText())) {
                        object.set(field.getKey(), TextNode.valueOf(replaced));
                    }
                } else {
                    walk(value, file, applicable);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isTextual()) {
                    String replaced = text(item.asText(), file, applicable);
                    if (!replaced.equals(item.asText())) {
                        array.set(i, TextNode.valueOf(replaced));
                    }
                } else {
                    walk(item, file, applicable);
                }
            }
        }
    }

    /** An env entry {@code {name, value}} whose name looks sensitive loses its value; valueFrom references stay. */
    private void maskSensitiveEnv(ObjectNode object, String file) {
        JsonNode env = object.get("env");
        if (!(env instanceof ArrayNode entries)) {
            return;
        }
        for (JsonNode entry : entries) {
            if (entry instanceof ObjectNode variable && variable.path("value").isTextual()
                    && !variable.path("value").asText().isEmpty()
                    && SensitiveNames.isSensitive(variable.path("name").asText(null))) {
                variable.put("value", RedactionRule.HIDDEN);
                report.add(SENSITIVE_ENV, file, 1);
            }
        }
    }

    /** ConfigMap data collected on request: values under sensitive keys are masked, the rest goes through the text rules. */
    public void configMapData(ObjectNode configMap, String file) {
        JsonNode data = configMap.get("data");
        if (data instanceof ObjectNode entries) {
            List<String> keys = new ArrayList<>();
            entries.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                if (SensitiveNames.isSensitive(key)) {
                    entries.put(key, RedactionRule.HIDDEN);
                    report.add(SENSITIVE_CONFIGMAP_KEY, file, 1);
                }
            }
        }
        JsonNode binary = configMap.get("binaryData");
        if (binary instanceof ObjectNode entries && !entries.isEmpty()) {
            // binary values cannot be scanned: keep the keys, drop the bytes
            List<String> keys = new ArrayList<>();
            entries.fieldNames().forEachRemaining(keys::add);
            keys.forEach(k -> entries.put(k, ""));
            report.add("configmap-binary-data", file, keys.size());
        }
    }

    /**
     * kubectl apply stores the whole applied object as JSON in this annotation, env values and ConfigMap data
     * included: it is redacted as an object of its own, not as text.
     */
    private String lastApplied(String json, String file, TextRuleSet applicable) {
        try {
            JsonNode parsed = MAPPER.readTree(json);
            if (parsed instanceof ObjectNode object) {
                if ("ConfigMap".equals(object.path("kind").asText()) || "Secret".equals(object.path("kind").asText())) {
                    stripData(object, file);
                }
                walk(object, file, applicable);
                return MAPPER.writeValueAsString(object) + (json.endsWith("\n") ? "\n" : "");
            }
        } catch (IOException notJson) {
            // fall through: treated as plain text
        }
        return text(json, file, applicable);
    }

    private void stripData(ObjectNode object, String file) {
        for (String field : List.of("data", "binaryData", "stringData")) {
            JsonNode data = object.get(field);
            if (data instanceof ObjectNode entries && !entries.isEmpty()) {
                report.add("last-applied-data", file, entries.size());
                object.remove(field);
            }
        }
    }

    private String text(String value, String file, TextRuleSet applicable) {
        if (value.length() < 6 || !applicable.mayMatch(value)) {
            return value;
        }
        String current = value;
        String lower = value.toLowerCase(Locale.ROOT);
        int[] hits = new int[1];
        for (RedactionRule rule : applicable.rules()) {
            hits[0] = 0;
            String next = rule.apply(current, lower, hits);
            if (hits[0] > 0) {
                report.add(rule.name(), file, hits[0]);
                current = next;
                lower = current.toLowerCase(Locale.ROOT);
            }
        }
        return current;
    }
}
