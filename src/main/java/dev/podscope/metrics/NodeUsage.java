package dev.podscope.metrics;

import java.time.Duration;
import java.time.Instant;

/** One NodeMetrics: a node's usage over {@code window} up to {@code timestamp}. */
public record NodeUsage(String name, Instant timestamp, Duration window, long nanoCores, long bytes) {
}
