package dev.podscope.exec;

import java.io.IOException;

/** A command that could not be run in a container; the message is one line for a user. */
public final class ExecException extends IOException {
    private final int httpCode;

    public ExecException(String message, int httpCode, Throwable cause) {
        super(message, cause);
        this.httpCode = httpCode;
    }

    /** The API server's HTTP status when it refused the exec (403, 404, 400 ...), else 0. */
    public int httpCode() {
        return httpCode;
    }
}
