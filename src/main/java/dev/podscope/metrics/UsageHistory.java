package dev.podscope.metrics;

import dev.podscope.format.Quantities;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the poller remembers, bounded for a 10,000-pod cluster (docs/decisions/0007): the latest PodMetrics of every
 * pod; a short ring (the shortest window, 5 minutes) per container of every pod; a long ring (the longest window,
 * 1 hour) only for the pods open in a view and the {@value #RECENT} opened last. Promoting a pod keeps its short
 * history, so a graph opened on any pod starts with the last 5 minutes.
 */
final class UsageHistory {
    static final Duration SHORT = Duration.ofMinutes(5);
    static final Duration LONG = Duration.ofHours(1);
    static final int RECENT = 32;
    private static final int MAX_SAMPLES = 3600;

    private final int shortCapacity;
    private final int longCapacity;
    private volatile Map<PodName, PodUsage> latest = Map.of();
    private volatile Instant newest = Instant.EPOCH;
    /** Locking is per pod, so that a graph reading one pod never waits for a poll of 10,000 to be recorded. */
    private final Map<PodName, PodSeries> series = new ConcurrentHashMap<>();
    private final Map<PodName, Integer> tracked = new HashMap<>();
    private final LinkedHashMap<PodName, Boolean> recent = new LinkedHashMap<>(16, 0.75f, true);

    private static final class PodSeries {
        final Map<String, SampleRing> containers = new LinkedHashMap<>(4);
        boolean kept;
    }

    UsageHistory(Duration resolution) {
        this.shortCapacity = capacity(SHORT, resolution);
        this.longCapacity = capacity(LONG, resolution);
    }

    /** Samples needed to cover {@code window} at one per {@code resolution}, and one more for the edge. */
    private static int capacity(Duration window, Duration resolution) {
        long samples = window.toMillis() / Math.max(1, resolution.toMillis()) + 1;
        return (int) Math.max(2, Math.min(MAX_SAMPLES, samples));
    }

    /**
     * Takes one poll. Time is the cluster's: the newest sample's timestamp, not this machine's clock, so that a
     * skewed clock neither hides samples nor drops history.
     */
    void record(List<PodUsage> polled) {
        Map<PodName, PodUsage> next = HashMap.newHashMap(polled.size());
        Instant newestNow = newest;
        for (PodUsage pod : polled) {
            if (pod.timestamp().isAfter(newestNow)) {
                newestNow = pod.timestamp();
            }
            next.put(pod.pod(), pod);
            PodSeries s = series.get(pod.pod());
            if (s == null) {
                // not inside computeIfAbsent: newSeries takes this object's lock, which track holds while it
                // updates the map
                PodSeries created = newSeries(pod.pod());
                PodSeries raced = series.putIfAbsent(pod.pod(), created);
                s = raced != null ? raced : created;
            }
            synchronized (s) {
                int capacity = s.kept ? longCapacity : shortCapacity;
                for (ContainerUsage c : pod.containers()) {
                    s.containers.computeIfAbsent(c.name(), name -> new SampleRing(capacity))
                            .add(pod.timestamp().getEpochSecond(), (float) Quantities.millicores(c.nanoCores()),
                                    (float) Quantities.mebibytes(c.bytes()));
                }
            }
        }
        latest = next;
        newest = newestNow;
        forgetOld(newestNow);
    }

    Map<PodName, PodUsage> latest() {
        return latest;
    }

    /** The newest sample time of the cluster; the right edge of every window. */
    Instant newest() {
        return newest;
    }

    /** Each container's samples in the last {@code window} up to {@link #newest()}, in the order metrics listed them. */
    List<UsageSeries> history(PodName pod, Duration window) {
        PodSeries s = series.get(pod);
        if (s == null) {
            return List.of();
        }
        long from = newest.minus(window).getEpochSecond();
        synchronized (s) {
            List<UsageSeries> result = new ArrayList<>(s.containers.size());
            s.containers.forEach((name, ring) -> result.add(ring.since(name, from)));
            return result;
        }
    }

    /** Keeps an hour of {@code pod} until {@link #untrack}; calls nest. */
    synchronized void track(PodName pod) {
        tracked.merge(pod, 1, Integer::sum);
        recent.put(pod, Boolean.TRUE);
        keep(pod, true);
        while (recent.size() > RECENT) {
            Iterator<PodName> eldest = recent.keySet().iterator();
            PodName old = eldest.next();
            eldest.remove();
            if (!tracked.containsKey(old)) {
                keep(old, false);
            }
        }
    }

    synchronized void untrack(PodName pod) {
        tracked.computeIfPresent(pod, (name, count) -> count > 1 ? count - 1 : null);
    }

    /** Containers with a ring, for memory accounting in tests and benchmarks. */
    int[] ringCounts() {
        int shortRings = 0;
        int longRings = 0;
        for (PodSeries s : series.values()) {
            synchronized (s) {
                for (SampleRing ring : s.containers.values()) {
                    if (ring.capacity() == longCapacity && s.kept) {
                        longRings++;
                    } else {
                        shortRings++;
                    }
                }
            }
        }
        return new int[] {shortRings, longRings};
    }

    int shortCapacity() {
        return shortCapacity;
    }

    int longCapacity() {
        return longCapacity;
    }

    private synchronized PodSeries newSeries(PodName name) {
        PodSeries s = new PodSeries();
        s.kept = tracked.containsKey(name) || recent.containsKey(name);
        return s;
    }

    private void keep(PodName pod, boolean kept) {
        PodSeries s = series.computeIfAbsent(pod, name -> new PodSeries());
        synchronized (s) {
            s.kept = kept;
            s.containers.values().forEach(ring -> ring.resize(kept ? longCapacity : shortCapacity));
        }
    }

    private synchronized boolean tracked(PodName pod) {
        return tracked.containsKey(pod);
    }

    /** Drops the history of pods gone for longer than the window their rings cover. */
    private void forgetOld(Instant now) {
        long shortCut = now.minus(SHORT).getEpochSecond();
        long longCut = now.minus(LONG).getEpochSecond();
        Map<PodName, PodUsage> current = latest;
        series.entrySet().removeIf(e -> {
            if (current.containsKey(e.getKey()) || tracked(e.getKey())) {
                return false;
            }
            PodSeries s = e.getValue();
            synchronized (s) {
                long last = s.containers.values().stream().mapToLong(SampleRing::lastEpochSecond).max()
                        .orElse(Long.MIN_VALUE);
                return last < (s.kept ? longCut : shortCut);
            }
        });
    }
}
