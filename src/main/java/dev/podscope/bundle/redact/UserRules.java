package dev.podscope.bundle.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Redaction rules of the user, from a YAML file:
 * <pre>
 * rules:
 *   - name: customer-ids          # optional, shown in the report
 *     regex: "CUST-[0-9]{6}"
 *     files: "logs/**"            # optional glob over bundle paths; default: every file
 *     replacement: "CUST-******"  # optional; default ***HIDDEN***; $1 refers to groups
 * </pre>
 */
public final class UserRules {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private UserRules() {
    }

    public static List<RedactionRule> load(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new RedactionRulesException("redaction rules file not found: " + file);
        } catch (IOException e) {
            throw new RedactionRulesException("cannot read redaction rules " + file + ": " + e.getMessage()
                    .lines().findFirst().orElse(""));
        }
        if (root == null || !root.path("rules").isArray()) {
            throw new RedactionRulesException(file + ": expected a top-level list `rules:` of {regex, files, replacement}");
        }
        List<RedactionRule> rules = new ArrayList<>();
        int index = 0;
        for (JsonNode rule : root.path("rules")) {
            index++;
            String regex = rule.path("regex").asText("");
            if (regex.isEmpty()) {
                throw new RedactionRulesException(file + ": rule " + index + " has no regex");
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new RedactionRulesException(file + ": rule " + index + " has an invalid regex: "
                        + e.getDescription() + " near index " + e.getIndex());
            }
            String name = rule.path("name").asText("user-rule-" + index);
            String glob = rule.hasNonNull("files") ? rule.path("files").asText() : null;
            String replacement = rule.path("replacement").asText(RedactionRule.HIDDEN);
            rules.add(new RedactionRule(name, pattern, replacement, glob, List.of()));
        }
        return rules;
    }

    /** A rules file the user must fix, with a message saying where. */
    public static final class RedactionRulesException extends IllegalArgumentException {
        public RedactionRulesException(String message) {
            super(message);
        }
    }
}
