package dev.podscope.logs;

import java.util.List;

/**
 * The lines a viewer keeps: a ring of fixed capacity. Appending past the capacity drops the oldest lines in bulk
 * (a pointer moves; nothing is copied), so a flood costs the same per line however long it runs.
 */
public final class LogBuffer {
    public static final int DEFAULT_CAPACITY = 100_000;

    private final LogLine[] ring;
    private int start;
    private int size;
    private long appended;

    public LogBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a log buffer holds at least one line, got " + capacity);
        }
        this.ring = new LogLine[capacity];
    }

    public int capacity() {
        return ring.length;
    }

    public int size() {
        return size;
    }

    /** Every line ever appended, dropped ones included. */
    public long appended() {
        return appended;
    }

    /** The {@code index}-th kept line, 0 being the oldest. */
    public LogLine get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("line " + index + " of " + size);
        }
        return ring[(start + index) % ring.length];
    }

    /** Appends {@code lines} in order; returns how many of the oldest lines (old or new) had to be dropped. */
    public int append(List<LogLine> lines) {
        int dropped = 0;
        int skip = Math.max(0, lines.size() - ring.length);
        dropped += skip;
        for (int i = skip; i < lines.size(); i++) {
            if (size == ring.length) {
                ring[start] = lines.get(i);
                start = (start + 1) % ring.length;
                dropped++;
            } else {
                ring[(start + size) % ring.length] = lines.get(i);
                size++;
            }
        }
        appended += lines.size();
        return dropped;
    }

    public void clear() {
        java.util.Arrays.fill(ring, null);
        start = 0;
        size = 0;
        appended = 0;
    }
}
