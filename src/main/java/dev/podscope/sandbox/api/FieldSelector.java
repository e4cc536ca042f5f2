package dev.podscope.sandbox.api;

import dev.podscope.sandbox.store.ResourceType;
import io.kubernetes.client.common.KubernetesObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** A parsed {@code fieldSelector} ({@code f=v}, {@code f==v}, {@code f!=v}, comma-separated, {@code \} escapes). */
final class FieldSelector {
    private record Term(String field, Function<KubernetesObject, String> value, String expected, boolean equal) {
        boolean matches(KubernetesObject object) {
            return Objects.equals(Objects.requireNonNullElse(value.apply(object), ""), expected) == equal;
        }
    }

    private final List<Term> terms;

    private FieldSelector(List<Term> terms) {
        this.terms = terms;
    }

    /** Parses {@code text} for {@code type}; unsupported fields are a 400 as on a real server. */
    static FieldSelector parse(ResourceType<?> type, String text) {
        List<Term> terms = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String part : split(text, ',')) {
                terms.add(term(type, part));
            }
        }
        return new FieldSelector(List.copyOf(terms));
    }

    boolean isEverything() {
        return terms.isEmpty();
    }

    boolean matches(KubernetesObject object) {
        return terms.stream().allMatch(t -> t.matches(object));
    }

    private static Term term(ResourceType<?> type, String part) {
        boolean equal = true;
        int at = indexOfUnescaped(part, "!=");
        int length = 2;
        if (at >= 0) {
            equal = false;
        } else if ((at = indexOfUnescaped(part, "==")) < 0) {
            at = indexOfUnescaped(part, "=");
            length = 1;
        }
        if (at < 0) {
            throw ApiError.badRequest("invalid field selector: \"" + part + "\": no operator");
        }
        String field = unescape(part.substring(0, at).trim());
        String expected = unescape(part.substring(at + length).trim());
        var getter = SelectableFields.field(type, field)
                .orElseThrow(() -> ApiError.badRequest("field label not supported: " + field));
        return new Term(field, getter, expected, equal);
    }

    private static int indexOfUnescaped(String text, String token) {
        for (int i = 0; i + token.length() <= text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
