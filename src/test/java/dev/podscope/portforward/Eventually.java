package dev.podscope.portforward;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for the sandbox or a forward's threads; the limit only stops a broken test from hanging. */
final class Eventually {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private Eventually() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
