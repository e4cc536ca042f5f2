package dev.podscope.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The history's bounds, and what it costs on a 10,000-pod cluster (printed, not asserted). */
class UsageHistoryTest {
    private static final Duration WINDOW = Duration.ofSeconds(15);
    private final Instant start = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void onlyTrackedAndRecentlyOpenedPodsKeepAnHour() {
        UsageHistory history = new UsageHistory(WINDOW);
        for (int i = 0; i < UsageHistory.RECENT + 5; i++) {
            history.track(pod(i).pod());
            history.untrack(pod(i).pod());
        }
        history.track(pod(0).pod()); // open again: stays kept however many others were opened since
        for (int poll = 0; poll < 300; poll++) {
            history.record(pods(40, poll));
        }
        int[] rings = history.ringCounts();
        assertThat(rings[1]).as("long rings").isEqualTo(UsageHistory.RECENT * 2);
        assertThat(rings[0]).as("short rings").isEqualTo((40 - UsageHistory.RECENT) * 2);
        assertThat(history.history(pod(0).pod(), Duration.ofHours(1)).getFirst().size()).isEqualTo(241);
        // pods 0 and 6..36 were opened last; 5 was pushed out when 0 was opened again, 37..39 never were
        assertThat(history.history(pod(36).pod(), Duration.ofHours(1)).getFirst().size()).isEqualTo(241);
        assertThat(history.history(pod(5).pod(), Duration.ofHours(1)).getFirst().size()).isEqualTo(21);
        assertThat(history.history(pod(39).pod(), Duration.ofHours(1)).getFirst().size()).isEqualTo(21);
    }

    @Test
    void aPodGoneForLongerThanItsWindowIsForgotten() {
        UsageHistory history = new UsageHistory(WINDOW);
        history.record(pods(3, 0));
        for (int poll = 1; poll <= 21; poll++) {
            history.record(pods(2, poll));
        }
        assertThat(history.history(pod(2).pod(), Duration.ofHours(1))).isEmpty();
        assertThat(history.latest()).hasSize(2);
    }

    @Test
    void tenThousandPods() {
        System.gc();
        long before = used();
        UsageHistory history = new UsageHistory(WINDOW);
        for (int i = 0; i < 10; i++) {
            history.track(pod(i).pod());
        }
        int polls = 30;
        long recording = 0;
        for (int poll = 0; poll < polls; poll++) {
            List<PodUsage> polled = pods(10_000, poll);
            long started = System.nanoTime();
            history.record(polled);
            recording += System.nanoTime() - started;
        }
        double millisPerPoll = recording / 1e6 / polls;
        System.gc();
        long after = used();
        int[] rings = history.ringCounts();
        assertThat(rings).containsExactly(19_980, 20);
        long samples = (long) rings[0] * history.shortCapacity() + (long) rings[1] * history.longCapacity();
        System.out.printf("metrics history, 10,000 pods x 2 containers: %d short rings (%d samples) + %d long (%d);"
                        + " %.1f MB of samples at 12 bytes, %.1f MB retained in all (with the latest PodMetrics);"
                        + " %.1f ms per poll recorded%n", rings[0], history.shortCapacity(), rings[1],
                history.longCapacity(), samples * 12 / 1e6, (after - before) / 1e6, millisPerPoll);
    }

    private static long used() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private List<PodUsage> pods(int count, int poll) {
        List<PodUsage> pods = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pods.add(new PodUsage(pod(i).pod(), start.plus(WINDOW.multipliedBy(poll)), WINDOW,
                    List.of(new ContainerUsage("app", 1_000_000L * (i % 500 + 1), 1024L * 1024 * (i % 300 + 10)),
                            new ContainerUsage("sidecar", 2_000_000L, 16L * 1024 * 1024))));
        }
        return pods;
    }

    private PodUsage pod(int i) {
        return new PodUsage(new PodName("ns-" + i % 20, "pod-" + i), start, WINDOW, List.of());
    }
}
