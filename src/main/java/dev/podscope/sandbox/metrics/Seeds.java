package dev.podscope.sandbox.metrics;

import java.nio.charset.StandardCharsets;

/** Stable pseudo-random numbers from names and numbers, so that the same inputs always give the same usage. */
final class Seeds {
    private Seeds() {
    }

    static long of(String text) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return mix(hash);
    }

    /** A number in [0, 1) that depends on every part. */
    static double unit(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            h = mix(h ^ part);
        }
        return (h >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
