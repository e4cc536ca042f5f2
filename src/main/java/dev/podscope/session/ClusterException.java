package dev.podscope.session;

/** A cluster call that failed, with a one-line message for the user (the cause stays for --verbose). */
public final class ClusterException extends RuntimeException {
    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
