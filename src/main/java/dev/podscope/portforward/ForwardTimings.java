package dev.podscope.portforward;

import java.time.Duration;

/**
 * How often a forward re-checks its tunnel, how long a check waits for the pod side to refuse, and the reconnect
 * back-off; tests shorten them.
 */
record ForwardTimings(Duration checkEvery, Duration checkWait, Duration backoffInitial, Duration backoffCap,
                      Duration waitForReconnect) {
    static final ForwardTimings DEFAULT = new ForwardTimings(Duration.ofSeconds(10), Duration.ofMillis(300),
            Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofSeconds(20));
}
