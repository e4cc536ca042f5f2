package dev.podscope.bundle.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * The text rules that apply to one bundle file, with a one-pass check of whether a text can concern any of them: a
 * text holding none of the rules' hints is left as it is without running a single regex.
 */
public final class TextRuleSet {
    private final List<RedactionRule> rules;
    /** Null when some rule has no hints: then every text goes through the rules. */
    private final HintScanner scanner;

    private TextRuleSet(List<RedactionRule> rules, HintScanner scanner) {
        this.rules = rules;
        this.scanner = scanner;
    }

    static TextRuleSet of(List<RedactionRule> rules, String... extraHints) {
        List<String> hints = new ArrayList<>(List.of(extraHints));
        for (RedactionRule rule : rules) {
            if (rule.hints().isEmpty()) {
                return new TextRuleSet(List.copyOf(rules), null);
            }
            hints.addAll(rule.hints());
        }
        return new TextRuleSet(List.copyOf(rules), HintScanner.of(hints));
    }

    List<RedactionRule> rules() {
        return rules;
    }

    /** False only when no rule can change {@code text}. */
    boolean mayMatch(CharSequence text) {
        return scanner == null || scanner.mayContain(text);
    }

    /** False only when no rule can change the UTF-8 text {@code bytes[from, to)}. */
    boolean mayMatch(byte[] bytes, int from, int to) {
        return scanner == null || scanner.mayContain(bytes, from, to);
    }
}
