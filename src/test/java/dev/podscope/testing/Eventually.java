package dev.podscope.testing;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls for something another thread or process does; the limit only keeps a broken test from hanging. */
public final class Eventually {
    private static final Duration LIMIT = Duration.ofSeconds(60);

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

    /** Takes lines until one matches and returns it. */
    public static String line(BlockingQueue<String> lines, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                if (wanted.test(line)) {
                    return line;
                }
                seen.append(line).append('\n');
            }
        }
        throw new AssertionError("no matching line; saw:\n" + seen);
    }
}
