package dev.podscope.metrics;

/**
 * A metrics request that did not succeed, with the availability it shows and a user message; for a Status reply
 * also its reason and message as the API server wrote them (kubectl prints {@code Error from server (Reason): ...}).
 */
public final class MetricsException extends RuntimeException {
    private final MetricsStatus status;
    private final int httpCode;
    private final String serverReason;
    private final String serverMessage;

    MetricsException(MetricsStatus status, int httpCode, String serverReason, String serverMessage, Throwable cause) {
        super(status.message(), cause);
        this.status = status;
        this.httpCode = httpCode;
        this.serverReason = serverReason;
        this.serverMessage = serverMessage;
    }

    public MetricsStatus status() {
        return status;
    }

    /** 0 when no HTTP reply was received. */
    public int httpCode() {
        return httpCode;
    }

    /** The Status reply's reason (NotFound, Forbidden, ...), or null. */
    public String serverReason() {
        return serverReason;
    }

    /** The Status reply's message, or null. */
    public String serverMessage() {
        return serverMessage;
    }
}
