package dev.podscope.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One PodMetrics: the usage of a pod's containers over {@code window} up to {@code timestamp}
 * (metrics.k8s.io's interval [timestamp - window, timestamp]).
 */
public record PodUsage(PodName pod, Instant timestamp, Duration window, List<ContainerUsage> containers) {

    public PodUsage {
        containers = List.copyOf(containers);
    }

    /** The sum over the containers, as kubectl top pod adds them. */
    public long nanoCores() {
        long sum = 0;
        for (ContainerUsage c : containers) {
            sum += c.nanoCores();
        }
        return sum;
    }

    public long bytes() {
        long sum = 0;
        for (ContainerUsage c : containers) {
            sum += c.bytes();
        }
        return sum;
    }
}
