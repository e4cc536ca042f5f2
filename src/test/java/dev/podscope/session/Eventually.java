package dev.podscope.session;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls for something another thread or process does; the limit only keeps a broken test from hanging. */
public final class Eventually {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private Eventually() {
    }

    /** Polls {@code probe} until it returns a non-null value and returns that value. */
    public static <T> T get(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    public static void until(String what, BooleanSupplier condition) {
        get(what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }
}
