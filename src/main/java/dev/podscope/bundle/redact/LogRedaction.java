package dev.podscope.bundle.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redaction of one log file, line by line. A private key spans lines, so this remembers whether it is inside a
 * {@code BEGIN ... PRIVATE KEY} block and masks every line up to its END.
 */
public final class LogRedaction {
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----");
    private static final String RULE = "pem-private-key";
    /** Every rule set also looks for this, so that {@link #unchanged} never lets the start of a key block through. */
    static final String KEY_BLOCK_HINT = "-----begin ";

    private final Redactor redactor;
    private final String file;
    private final TextRuleSet rules;
    private boolean insideKey;

    public LogRedaction(Redactor redactor, String file) {
        this.redactor = redactor;
        this.file = file;
        this.rules = redactor.rulesFor(file);
    }

    /**
     * Whether the UTF-8 line {@code bytes[from, to)} certainly goes into the bundle as it is, so that the caller may
     * copy its bytes without decoding it for {@link #line}. Reading it that way leaves the state as {@link #line} would.
     */
    public boolean unchanged(byte[] bytes, int from, int to) {
        return !insideKey && !rules.mayMatch(bytes, from, to);
    }

    public String line(String line) {
        if (insideKey) {
            int end = line.indexOf("-----END ");
            if (end >= 0 && line.contains("PRIVATE KEY-----")) {
                insideKey = false;
                return line.substring(end);
            }
            return RedactionRule.HIDDEN;
        }
        if (!line.contains("-----BEGIN ")) {
            return redactor.line(line, file, rules);
        }
        Matcher begin = BEGIN.matcher(line);
        if (begin.find() && line.indexOf("-----END ", begin.end()) < 0) {
            insideKey = true;
            redactor.report().add(RULE, file, 1);
            return redactor.line(line.substring(0, begin.start()), file, rules) + begin.group() + RedactionRule.HIDDEN;
        }
        return redactor.line(line, file, rules);
    }
}
