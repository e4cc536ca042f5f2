package dev.podscope.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The clock the window prints ages by: the live clock, or a moment held still while a bundle is shown, so that
 * AGE and "x ago" read as they did at capture.
 */
final class DisplayClock extends Clock {
    private final Clock live;
    private volatile Instant frozenAt;

    DisplayClock(Clock live) {
        this.live = live;
    }

    /** Holds the clock at {@code instant}; null lets it run again. */
    void freezeAt(Instant instant) {
        frozenAt = instant;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : live.instant();
    }

    @Override
    public ZoneId getZone() {
        return live.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return live.withZone(zone);
    }
}
