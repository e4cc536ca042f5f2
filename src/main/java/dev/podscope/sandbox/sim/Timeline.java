package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's one thread and its sense of time. Steps are given in realistic seconds and run after that time
 * multiplied by the time scale; all of them run on the same thread, so simulator state needs no locking.
 */
final class Timeline {
    private static final Logger LOG = LoggerFactory.getLogger(Timeline.class);

    private final ScheduledExecutorService executor;
    private final ClusterStore store;
    private final double timeScale;

    Timeline(ScheduledExecutorService executor, ClusterStore store, double timeScale) {
        this.executor = executor;
        this.store = store;
        this.timeScale = timeScale;
    }

    void after(double seconds, Runnable step) {
        long nanos = Math.max(0, Math.round(seconds * timeScale * 1e9));
        try {
            executor.schedule(() -> guarded(step), nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // the simulator is stopping; steps still due are dropped on purpose
        }
    }

    void soon(Runnable step) {
        after(0, step);
    }

    /** Realistic seconds that, once scaled, last at most {@code cap} seconds of wall-clock time. */
    double capped(double seconds, double capSeconds) {
        return Math.min(seconds, capSeconds / timeScale);
    }

    OffsetDateTime now() {
        return store.now();
    }

    private static void guarded(Runnable step) {
        try {
            step.run();
        } catch (StoreException e) {
            if (e.code() != 404) {
                LOG.warn("Simulator step refused by the store: {}", e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("Simulator step failed: {}", e.toString());
        }
    }
}
