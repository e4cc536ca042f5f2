package dev.podscope.sandbox.sim;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Every random choice of the simulator, drawn from one seeded {@link Random} so that a seed always builds the same
 * cluster. Suffixes use the alphabet of apimachinery's {@code rand.String}, so names look like the real ones.
 */
final class Naming {
    private static final String SAFE = "bcdfghjklmnpqrstvwxz2456789";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Random random;

    Naming(long seed) {
        this.random = new Random(seed);
    }

    /** The 5-character suffix of generateName ({@code web-5d8f7c9b6-x2k4q}). */
    String suffix() {
        return safe(5);
    }

    /** A pod-template-hash as the Deployment controller writes it (9 or 10 characters). */
    String templateHash() {
        return safe(random.nextBoolean() ? 9 : 10);
    }

    String safe(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(SAFE.charAt(random.nextInt(SAFE.length())));
        }
        return s.toString();
    }

    String hex(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = HEX[random.nextInt(16)];
        }
        return new String(chars);
    }

    /** A version-4 UUID, as the API server assigns. */
    String uid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    String containerId() {
        return "containerd://" + hex(64);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    double uniform(double min, double max) {
        return min + random.nextDouble() * (max - min);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
