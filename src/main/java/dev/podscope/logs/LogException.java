package dev.podscope.logs;

/** A log could not be read; the message is one line for the user. */
public final class LogException extends Exception {
    public LogException(String message) {
        super(message);
    }
}
