package dev.podscope.metrics;

import java.util.Objects;

/**
 * The availability of the metrics API with a one-line message for the user (null when {@link #available()}).
 */
public record MetricsStatus(MetricsAvailability availability, String message) {
    public static final String ABSENT_MESSAGE = "The metrics API (metrics.k8s.io) is not installed on this cluster"
            + " — install metrics-server to see CPU and memory";
    public static final MetricsStatus UNKNOWN = new MetricsStatus(MetricsAvailability.UNKNOWN, null);
    public static final MetricsStatus AVAILABLE = new MetricsStatus(MetricsAvailability.AVAILABLE, null);
    public static final MetricsStatus ABSENT = new MetricsStatus(MetricsAvailability.ABSENT, ABSENT_MESSAGE);

    public MetricsStatus {
        Objects.requireNonNull(availability, "availability");
    }

    public static MetricsStatus forbidden(String message) {
        return new MetricsStatus(MetricsAvailability.FORBIDDEN, message);
    }

    public static MetricsStatus failed(String message) {
        return new MetricsStatus(MetricsAvailability.FAILED, message);
    }

    public boolean available() {
        return availability == MetricsAvailability.AVAILABLE;
    }
}
