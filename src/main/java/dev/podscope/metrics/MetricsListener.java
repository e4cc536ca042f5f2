package dev.podscope.metrics;

/** Told after every poll, on the poller's thread: hand the work to the UI thread yourself, and be quick. */
@FunctionalInterface
public interface MetricsListener {
    void polled(MetricsPoll poll);
}
