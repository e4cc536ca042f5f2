package dev.podscope.bundle.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redaction of one log file, line by line. A private key spans lines, so this remembers whether it is inside a
 * {@code BEGIN ... PRIVATE KEY} block and masks every line up to its END.
 */
public final class LogRedaction {
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----");
    private static final String RULE = "pem-private-key";

    private final Redactor redactor;
    private final String file;
    private final List<RedactionRule> rules;
    private boolean insideKey;

    public LogRedaction(Redactor redactor, String file) {
        this.redactor = redactor;
        this.file = file;
        this.rules = redactor.rulesFor(file);
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
        Matcher begin = BEGIN.matcher(line);
        if (begin.find() && line.indexOf("-----END ", begin.end()) < 0) {
            insideKey = true;
            redactor.report().add(RULE, file, 1);
            return redactor.line(line.substring(0, begin.start()), file, rules) + begin.group() + RedactionRule.HIDDEN;
        }
        return redactor.line(line, file, rules);
    }
}
