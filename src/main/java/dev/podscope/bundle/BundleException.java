package dev.podscope.bundle;

/** A file that cannot be opened as a Podscope bundle; the message says which file and why, for the user. */
public final class BundleException extends RuntimeException {
    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
