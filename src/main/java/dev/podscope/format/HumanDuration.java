package dev.podscope.format;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Port of apimachinery's {@code duration.HumanDuration} and the printers' {@code translateTimestampSince}:
 * about two significant figures, e.g. {@code 45s}, {@code 3m10s}, {@code 70m}, {@code 5h4m}, {@code 2d1h}, {@code 2y1d}.
 */
public final class HumanDuration {

    /** Printed when a timestamp is unset, as kubectl does for a zero {@code metav1.Time}. */
    public static final String UNKNOWN = "<unknown>";

    private static final long HOURS_PER_YEAR = 24 * 365;

    private HumanDuration() {
    }

    public static String format(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 0 && d.getNano() > 0) {
            seconds++; // Go truncates toward zero; Duration.getSeconds() floors
        }
        // Up to two seconds in the future count as "now" to tolerate clock skew between machines.
        if (seconds < -1) {
            return "<invalid>";
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = seconds / 3600;
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        }
        if (hours < HOURS_PER_YEAR * 2) {
            return hours / 24 + "d";
        }
        if (hours < HOURS_PER_YEAR * 8) {
            long days = hours / 24 % 365;
            return days == 0 ? hours / HOURS_PER_YEAR + "y" : hours / HOURS_PER_YEAR + "y" + days + "d";
        }
        return hours / HOURS_PER_YEAR + "y";
    }

    /** Age of {@code timestamp} at {@code now}; {@value #UNKNOWN} when the timestamp is unset. */
    public static String since(OffsetDateTime timestamp, Instant now) {
        if (timestamp == null) {
            return UNKNOWN;
        }
        return format(Duration.between(timestamp.toInstant(), now));
    }
}
