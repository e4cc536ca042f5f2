package dev.podscope.metrics;

import java.math.BigDecimal;
import java.time.Duration;

/** Go's {@code time.Duration} strings as metrics-server writes {@code window}: {@code 15s}, {@code 10.512s}, {@code 1m0s}. */
final class GoDuration {
    private GoDuration() {
    }

    /** Zero for null or empty; IllegalArgumentException for anything Go would not parse. */
    static Duration parse(String text) {
        if (text == null || text.isEmpty() || text.equals("0")) {
            return Duration.ZERO;
        }
        long nanos = 0;
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            int unitStart = i;
            while (i < text.length() && !Character.isDigit(text.charAt(i)) && text.charAt(i) != '.') {
                i++;
            }
            if (start == unitStart || unitStart == i) {
                throw new IllegalArgumentException("not a duration: \"" + text + "\"");
            }
            BigDecimal number = new BigDecimal(text.substring(start, unitStart));
            long unit = switch (text.substring(unitStart, i)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> throw new IllegalArgumentException("not a duration: \"" + text + "\"");
            };
            nanos += number.multiply(BigDecimal.valueOf(unit)).longValue();
        }
        return Duration.ofNanos(nanos);
    }
}
