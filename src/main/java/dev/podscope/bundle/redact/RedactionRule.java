package dev.podscope.bundle.redact;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One text rule: a regex whose matches are replaced (group references like {@code $1} allowed), applied only to
 * bundle files matching {@code fileGlob} (null: all files). {@code hints} are lowercase literals of which at least
 * one must occur in the text before the regex runs: logs are large, and most lines hold no secret at all.
 */
public record RedactionRule(String name, Pattern pattern, String replacement, String fileGlob, List<String> hints) {
    public static final String HIDDEN = "***HIDDEN***";

    public RedactionRule {
        hints = List.copyOf(hints);
    }

    /** Whether the rule applies to the bundle entry {@code path}. */
    public boolean appliesTo(String path) {
        if (fileGlob == null) {
            return true;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + fileGlob);
        return matcher.matches(Path.of(path));
    }

    /** {@code text} with every match replaced, or the same instance when nothing matched; counts go to {@code hits}. */
    String apply(String text, String lowerCase, int[] hits) {
        if (!hints.isEmpty() && !containsAny(lowerCase)) {
            return text;
        }
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            hits[0]++;
            matcher.appendReplacement(out, replacement);
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }

    /** A plain loop: this runs for every rule on every log line, where a stream's set-up would cost more than the search. */
    private boolean containsAny(String lowerCase) {
        for (int i = 0; i < hints.size(); i++) {
            if (lowerCase.contains(hints.get(i))) {
                return true;
            }
        }
        return false;
    }

    static RedactionRule builtIn(String name, String regex, String replacement, String... hints) {
        return new RedactionRule(name, Pattern.compile(regex), replacement, null,
                List.of(hints).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
    }
}
