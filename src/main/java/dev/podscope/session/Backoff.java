package dev.podscope.session;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with jitter for reconnects: 0.5 s doubling to a cap, reset after a success. */
public final class Backoff {
    private final Duration initial;
    private final Duration cap;
    private Duration next;

    public Backoff(Duration initial, Duration cap) {
        this.initial = initial;
        this.cap = cap;
        this.next = initial;
    }

    public Duration nextDelay() {
        Duration delay = next;
        next = next.multipliedBy(2).compareTo(cap) > 0 ? cap : next.multipliedBy(2);
        long jitter = ThreadLocalRandom.current().nextLong(delay.toMillis() / 4 + 1);
        return delay.plusMillis(jitter);
    }

    public void reset() {
        next = initial;
    }
}
