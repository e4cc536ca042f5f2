package dev.podscope.logs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's {@code time.ParseDuration}, for {@code --since 1h30m} as kubectl reads it. */
public final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L,
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {
    }

    /** Nanoseconds; IllegalArgumentException with Go's message for text that is not a duration. */
    public static long parseNanos(String text) {
        String rest = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        if (rest.equals("0")) {
            return 0;
        }
        Matcher m = PART.matcher(rest);
        BigDecimal total = BigDecimal.ZERO;
        int at = 0;
        while (at < rest.length() && m.find(at) && m.start() == at) {
            total = total.add(new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1))
                    .multiply(BigDecimal.valueOf(NANOS.get(m.group(2)))));
            at = m.end();
        }
        if (rest.isEmpty() || at != rest.length()) {
            throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
        }
        long nanos = total.setScale(0, RoundingMode.DOWN).longValueExact();
        return text.startsWith("-") ? -nanos : nanos;
    }

    /** Whole seconds as {@code Duration.Round(time.Second)} gives them (halves away from zero). */
    public static long roundedSeconds(String text) {
        return BigDecimal.valueOf(parseNanos(text)).divide(BigDecimal.valueOf(1_000_000_000L), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
