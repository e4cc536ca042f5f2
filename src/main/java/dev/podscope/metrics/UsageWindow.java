package dev.podscope.metrics;

import java.time.Duration;

/** The spans a container graph can show. */
public enum UsageWindow {
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    THIRTY_MINUTES("30m", Duration.ofMinutes(30)),
    ONE_HOUR("1h", Duration.ofHours(1));

    private final String label;
    private final Duration duration;

    UsageWindow(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    public String label() {
        return label;
    }

    public Duration duration() {
        return duration;
    }
}
