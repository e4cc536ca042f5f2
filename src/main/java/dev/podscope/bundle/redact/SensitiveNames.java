package dev.podscope.bundle.redact;

import java.util.List;
import java.util.Locale;

/** Whether an env variable or ConfigMap key name looks like it holds a secret (DB_PASSWORD, api-key, AUTH_HEADER...). */
public final class SensitiveNames {
    private static final List<String> WORDS = List.of("password", "passwd", "pwd", "token", "secret", "key",
            "credential", "apikey", "auth", "private", "cert", "dsn", "session", "cookie", "signature", "salt");

    private SensitiveNames() {
    }

    public static boolean isSensitive(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return WORDS.stream().anyMatch(lower::contains);
    }
}
