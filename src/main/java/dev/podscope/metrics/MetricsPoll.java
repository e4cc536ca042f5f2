package dev.podscope.metrics;

import java.util.Map;

/**
 * The outcome of one poll: the API's availability and the latest PodMetrics of every pod that has them (empty
 * unless available). {@code sequence} counts polls from 1.
 */
public record MetricsPoll(long sequence, MetricsStatus status, Map<PodName, PodUsage> pods) {
}
