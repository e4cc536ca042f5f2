package dev.podscope.portforward;

import java.io.IOException;

/** A port-forward that could not be opened or broke; the message is one line for a user. */
public final class PortForwardException extends IOException {
    private final int httpCode;

    public PortForwardException(String message) {
        this(message, 0, null);
    }

    public PortForwardException(String message, int httpCode, Throwable cause) {
        super(message, cause);
        this.httpCode = httpCode;
    }

    /** The API server's HTTP status when it refused the forward (403 forbidden, 404 pod gone, ...), else 0. */
    public int httpCode() {
        return httpCode;
    }
}
