package dev.podscope.metrics;

/** Whether a cluster's resource metrics API can be read, as the last poll found it. */
public enum MetricsAvailability {
    /** Not asked yet: the first poll is under way. */
    UNKNOWN,
    /** metrics.k8s.io answered. */
    AVAILABLE,
    /** The cluster has no metrics.k8s.io (no metrics-server): 404, or the group is not in discovery. */
    ABSENT,
    /** The user may not read pod metrics (403). */
    FORBIDDEN,
    /** Anything else: unreachable, 503 from an unhealthy metrics-server, an unreadable reply. */
    FAILED
}
