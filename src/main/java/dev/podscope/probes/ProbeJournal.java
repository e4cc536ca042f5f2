package dev.podscope.probes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The probe checks run in this app session, newest last, so that a diagnostic bundle can carry them
 * (probes/results.json). Held in memory only and bounded: the oldest entries go past {@link #LIMIT}. Thread-safe.
 */
public final class ProbeJournal {
    public static final int LIMIT = 500;

    /**
     * One check: {@code check} as the dialog names it ("Readiness probe of app", "ad-hoc GET :8080/");
     * {@code kubelet} the comparison with the kubelet's view, or null when there was none (ad-hoc checks).
     */
    public record Entry(String context, String namespace, String pod, String check, ProbeResult result,
                        String kubelet, Boolean agrees) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    public synchronized void record(Entry entry) {
        entries.addLast(entry);
        if (entries.size() > LIMIT) {
            entries.removeFirst();
        }
    }

    /** The checks run against context {@code context}, oldest first. */
    public synchronized List<Entry> of(String context) {
        return entries.stream().filter(e -> e.context().equals(context)).toList();
    }
}
