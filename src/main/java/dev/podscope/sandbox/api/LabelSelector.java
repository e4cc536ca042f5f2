package dev.podscope.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code labelSelector} with apimachinery's grammar: {@code k=v}, {@code k==v}, {@code k!=v},
 * {@code k in (a,b)}, {@code k notin (a,b)}, {@code k}, {@code !k}, {@code k>n}, {@code k<n}, comma-separated.
 */
final class LabelSelector {
    private static final Pattern SET = Pattern.compile("^(\\S+)\\s+(in|notin)\\s*\\((.*)\\)$");
    private static final Pattern KEY = Pattern.compile("^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$");
    private static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    private enum Op { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, NOT_EXISTS, GREATER, LESS }

    private record Requirement(String key, Op op, Set<String> values) {
        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (op) {
                case EQUALS, IN -> value != null && values.contains(value);
                case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
                case EXISTS -> value != null;
                case NOT_EXISTS -> value == null;
                case GREATER, LESS -> value != null && compare(value);
            };
        }

        private boolean compare(String value) {
            try {
                long have = Long.parseLong(value);
                long bound = Long.parseLong(values.iterator().next());
                return op == Op.GREATER ? have > bound : have < bound;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    static LabelSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>();
        for (String part : splitTopLevel(text)) {
            requirements.add(requirement(part.trim()));
        }
        return new LabelSelector(List.copyOf(requirements));
    }

    boolean isEverything() {
        return requirements.isEmpty();
    }

    boolean matches(Map<String, String> labels) {
        Map<String, String> present = labels == null ? Map.of() : labels;
        return requirements.stream().allMatch(r -> r.matches(present));
    }

    private static Requirement requirement(String part) {
        Matcher set = SET.matcher(part);
        if (set.matches()) {
            List<String> values = new ArrayList<>();
            for (String value : set.group(3).split(",", -1)) {
                values.add(value.trim());
            }
            return new Requirement(key(set.group(1), part), set.group(2).equals("in") ? Op.IN : Op.NOT_IN,
                    Set.copyOf(values));
        }
        if (part.startsWith("!") && !part.contains("=")) {
            return new Requirement(key(part.substring(1).trim(), part), Op.NOT_EXISTS, Set.of());
        }
        for (var op : List.of(Map.entry("!=", Op.NOT_EQUALS), Map.entry("==", Op.EQUALS), Map.entry("=", Op.EQUALS),
                Map.entry(">", Op.GREATER), Map.entry("<", Op.LESS))) {
            int at = part.indexOf(op.getKey());
            if (at >= 0) {
                String value = part.substring(at + op.getKey().length()).trim();
                if ((op.getValue() == Op.GREATER || op.getValue() == Op.LESS) && !value.matches("-?\\d+")) {
                    throw new IllegalArgumentException("unable to parse requirement: for 'gt', 'lt' operators, "
                            + "the value must be an integer: " + part);
                }
                return new Requirement(key(part.substring(0, at).trim(), part), op.getValue(), Set.of(value));
            }
        }
        return new Requirement(key(part, part), Op.EXISTS, Set.of());
    }

    private static String key(String key, String part) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("unable to parse requirement: invalid label key \"" + key
                    + "\" in \"" + part + "\"");
        }
        return key;
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
