package dev.podscope.bundle;

import java.util.Locale;

/** Which pods' container logs go into a bundle. */
public enum LogSelection {
    ALL, UNHEALTHY, NONE;

    public static LogSelection parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--logs must be all, unhealthy or none, not \"" + text + "\"");
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
