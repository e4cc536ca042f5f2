package dev.podscope.metrics;

import java.util.Arrays;

/**
 * A bounded ring of one container's samples in three primitive arrays (12 bytes a sample): seconds since
 * {@link #BASE}, millicores, MiB. The oldest sample is overwritten when full. Not thread-safe: its
 * {@link UsageHistory} synchronizes.
 */
final class SampleRing {
    /** 2020-09-13: int seconds from here last until 2088. */
    private static final long BASE = 1_600_000_000L;

    private int[] seconds;
    private float[] cpu;
    private float[] memory;
    private int head;
    private int size;

    SampleRing(int capacity) {
        seconds = new int[capacity];
        cpu = new float[capacity];
        memory = new float[capacity];
    }

    int capacity() {
        return seconds.length;
    }

    /** Adds a sample unless it is not newer than the last one (a poll faster than the metrics resolution). */
    boolean add(long epochSecond, float millicores, float mebibytes) {
        int t = (int) (epochSecond - BASE);
        if (size > 0 && t <= seconds[index(size - 1)]) {
            return false;
        }
        int at = size < seconds.length ? index(size) : head;
        seconds[at] = t;
        cpu[at] = millicores;
        memory[at] = mebibytes;
        if (size < seconds.length) {
            size++;
        } else {
            head = (head + 1) % seconds.length;
        }
        return true;
    }

    /** The epoch second of the newest sample, or Long.MIN_VALUE when empty. */
    long lastEpochSecond() {
        return size == 0 ? Long.MIN_VALUE : seconds[index(size - 1)] + BASE;
    }

    /** Keeps the newest samples in a ring of {@code capacity}. */
    void resize(int capacity) {
        if (capacity == seconds.length) {
            return;
        }
        int keep = Math.min(size, capacity);
        int[] s = new int[capacity];
        float[] c = new float[capacity];
        float[] m = new float[capacity];
        for (int i = 0; i < keep; i++) {
            int from = index(size - keep + i);
            s[i] = seconds[from];
            c[i] = cpu[from];
            m[i] = memory[from];
        }
        seconds = s;
        cpu = c;
        memory = m;
        head = 0;
        size = keep;
    }

    /** The samples at or after {@code fromEpochSecond}, oldest first. */
    UsageSeries since(String container, long fromEpochSecond) {
        int first = 0;
        while (first < size && seconds[index(first)] + BASE < fromEpochSecond) {
            first++;
        }
        int n = size - first;
        long[] t = new long[n];
        float[] c = new float[n];
        float[] m = new float[n];
        for (int i = 0; i < n; i++) {
            int from = index(first + i);
            t[i] = seconds[from] + BASE;
            c[i] = cpu[from];
            m[i] = memory[from];
        }
        return new UsageSeries(container, t, c, m);
    }

    private int index(int i) {
        return (head + i) % seconds.length;
    }

    @Override
    public String toString() {
        return "SampleRing" + Arrays.toString(Arrays.copyOf(seconds, size));
    }
}
