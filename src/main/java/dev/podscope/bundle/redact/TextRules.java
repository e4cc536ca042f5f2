package dev.podscope.bundle.redact;

import java.util.List;

/**
 * The built-in text rules, applied to every log line and every string in a collected object. Replacements keep
 * the words around a secret (the key name, the URL's user) so that a reader still sees what was there.
 */
public final class TextRules {
    private static final String H = RedactionRule.HIDDEN;

    /** Names that make an assignment sensitive in free text ({@code token=...}, {@code "api_key": "..."}). */
    private static final String SENSITIVE_KEY =
            "[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|credential|private[_-]?key|access[_-]?key)"
                    + "[A-Za-z0-9_.-]*";

    public static final List<RedactionRule> ALL = List.of(
            RedactionRule.builtIn("pem-private-key",
                    "-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\\s\\S]*?(?:-----END \\1PRIVATE KEY-----|$)",
                    "-----BEGIN $1PRIVATE KEY-----" + H + "-----END $1PRIVATE KEY-----", "private key-----"),
            RedactionRule.builtIn("jwt",
                    "\\beyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*", H, "eyj"),
            RedactionRule.builtIn("bearer-token",
                    "(?i)\\b(bearer\\s+)(?!\\*\\*\\*HIDDEN)[A-Za-z0-9._~+/=-]+", "$1" + H, "bearer"),
            RedactionRule.builtIn("url-credentials",
                    "\\b([A-Za-z][A-Za-z0-9+.-]*://[^:/?#@\\s\"']+):(?!\\*\\*\\*HIDDEN)[^@/\\s\"']+@", "$1:" + H + "@",
                    "://"),
            RedactionRule.builtIn("cloud-access-key",
                    "\\b(?:(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35})\\b", H,
                    "akia", "asia", "agpa", "aida", "aroa", "aiza"),
            RedactionRule.builtIn("connection-string-password",
                    "(?i)\\b(password|passwd|pwd)(\\s*=\\s*)(?!\\*\\*\\*HIDDEN)([^;&\\s\"']+)", "$1$2" + H,
                    "password", "passwd", "pwd"),
            RedactionRule.builtIn("sensitive-assignment",
                    "(?i)(\"?\\b" + SENSITIVE_KEY + "\"?\\s*[:=]\\s*\"?)(?!\\*\\*\\*HIDDEN)([^\\s\"',;&}]+)", "$1" + H,
                    "password", "passwd", "pwd", "secret", "token", "key", "credential"));

    private TextRules() {
    }
}
