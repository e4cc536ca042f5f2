package dev.podscope.kube;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Kubernetes label selector as {@code kubectl -l} accepts it: comma-separated requirements {@code key=value},
 * {@code key==value}, {@code key!=value}, {@code key in (a,b)}, {@code key notin (a,b)}, {@code key}, {@code !key},
 * {@code key>N}, {@code key<N}. Semantics follow apimachinery's {@code labels.Parse}: {@code !=} and {@code notin}
 * also match objects without the key. One implementation serves the sandbox's {@code labelSelector} parameter and
 * the desktop filter box.
 */
public final class LabelSelector {
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    public static LabelSelector everything() {
        return new LabelSelector(List.of());
    }

    /** Parses a selector; an empty or blank text selects everything. */
    public static LabelSelector parse(String text) {
        return new LabelSelector(new Parser(text).selector());
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    public boolean matches(Map<String, String> labels) {
        Map<String, String> set = labels == null ? Map.of() : labels;
        for (Requirement requirement : requirements) {
            if (!requirement.matches(set)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return String.join(",", requirements.stream().map(Requirement::toString).toList());
    }

    enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST, GREATER_THAN, LESS_THAN }

    record Requirement(String key, Operator operator, Set<String> values) {
        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            boolean present = labels.containsKey(key);
            return switch (operator) {
                case EQUALS, IN -> present && values.contains(value);
                case NOT_EQUALS, NOT_IN -> !present || !values.contains(value);
                case EXISTS -> present;
                case DOES_NOT_EXIST -> !present;
                case GREATER_THAN -> present && isInteger(value) && Long.parseLong(value) > bound();
                case LESS_THAN -> present && isInteger(value) && Long.parseLong(value) < bound();
            };
        }

        private long bound() {
            return Long.parseLong(values.iterator().next());
        }

        @Override
        public String toString() {
            String single = values.isEmpty() ? "" : values.iterator().next();
            return switch (operator) {
                case EQUALS -> key + "=" + single;
                case NOT_EQUALS -> key + "!=" + single;
                case IN -> key + " in (" + String.join(",", values) + ")";
                case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
                case EXISTS -> key;
                case DOES_NOT_EXIST -> "!" + key;
                case GREATER_THAN -> key + ">" + single;
                case LESS_THAN -> key + "<" + single;
            };
        }
    }

    private static boolean isInteger(String value) {
        return value != null && INTEGER.matcher(value).matches() && value.length() < 19;
    }

    /** Recursive-descent parser over a tiny lexer; tokens are single symbols or identifiers. */
    private static final class Parser {
        private final String text;
        private final List<String> tokens = new ArrayList<>();
        private int position;

        Parser(String text) {
            this.text = text == null ? "" : text;
            lex();
        }

        List<Requirement> selector() {
            List<Requirement> result = new ArrayList<>();
            if (tokens.isEmpty()) {
                return result;
            }
            result.add(requirement());
            while (position < tokens.size()) {
                expect(",");
                result.add(requirement());
            }
            return result;
        }

        private Requirement requirement() {
            if ("!".equals(peek())) {
                position++;
                return new Requirement(key(), Operator.DOES_NOT_EXIST, Set.of());
            }
            String key = key();
            String next = peek();
            if (next == null || next.equals(",")) {
                return new Requirement(key, Operator.EXISTS, Set.of());
            }
            position++;
            return switch (next) {
                case "=", "==" -> new Requirement(key, Operator.EQUALS, Set.of(value()));
                case "!=" -> new Requirement(key, Operator.NOT_EQUALS, Set.of(value()));
                case ">" -> new Requirement(key, Operator.GREATER_THAN, Set.of(integer()));
                case "<" -> new Requirement(key, Operator.LESS_THAN, Set.of(integer()));
                case "in" -> new Requirement(key, Operator.IN, valueSet());
                case "notin" -> new Requirement(key, Operator.NOT_IN, valueSet());
                default -> throw error("expected an operator after \"" + key + "\" but found \"" + next + "\"");
            };
        }

        private String key() {
            String key = identifier("a label key");
            int slash = key.indexOf('/');
            String name = slash < 0 ? key : key.substring(slash + 1);
            boolean validPrefix = slash < 0 || slash <= 253 && DNS_SUBDOMAIN.matcher(key.substring(0, slash)).matches();
            if (!validPrefix || name.length() > 63 || !NAME.matcher(name).matches()) {
                throw error("\"" + key + "\" is not a valid label key");
            }
            return key;
        }

        private String value() {
            String next = peek();
            if (next == null || next.equals(",")) {
                return "";
            }
            String value = identifier("a label value");
            if (value.length() > 63 || !NAME.matcher(value).matches()) {
                throw error("\"" + value + "\" is not a valid label value");
            }
            return value;
        }

        private String integer() {
            String value = identifier("a number");
            if (!isInteger(value)) {
                throw error("\"" + value + "\" is not an integer");
            }
            return value;
        }

        private Set<String> valueSet() {
            expect("(");
            Set<String> values = new LinkedHashSet<>();
            values.add(setValue());
            while (",".equals(peek())) {
                position++;
                values.add(setValue());
            }
            expect(")");
            return values;
        }

        private String setValue() {
            String next = peek();
            return next == null || next.equals(",") || next.equals(")") ? "" : value();
        }

        private String identifier(String what) {
            String next = peek();
            if (next == null || isSymbol(next)) {
                throw error("expected " + what + (next == null ? " at the end" : " but found \"" + next + "\""));
            }
            position++;
            return next;
        }

        private void expect(String symbol) {
            String next = peek();
            if (!symbol.equals(next)) {
                throw error("expected \"" + symbol + "\"" + (next == null ? " at the end" : " but found \"" + next + "\""));
            }
            position++;
        }

        private String peek() {
            return position < tokens.size() ? tokens.get(position) : null;
        }

        private LabelSelectorException error(String detail) {
            return new LabelSelectorException("invalid label selector \"" + text.strip() + "\": " + detail);
        }

        private static boolean isSymbol(String token) {
            return switch (token) {
                case "!", "=", "==", "!=", "(", ")", ",", ">", "<" -> true;
                default -> false;
            };
        }

        private void lex() {
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if ((c == '=' || c == '!') && i + 1 < text.length() && text.charAt(i + 1) == '=') {
                    tokens.add(c + "=");
                    i += 2;
                } else if ("!=(),<>".indexOf(c) >= 0) {
                    tokens.add(String.valueOf(c));
                    i++;
                } else {
                    int start = i;
                    while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "!=(),<>".indexOf(text.charAt(i)) < 0) {
                        i++;
                    }
                    tokens.add(text.substring(start, i));
                }
            }
        }
    }
}
