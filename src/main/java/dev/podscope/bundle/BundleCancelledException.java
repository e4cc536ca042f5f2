package dev.podscope.bundle;

/** The user cancelled an export; its temporary file is already gone. */
public final class BundleCancelledException extends RuntimeException {
    public BundleCancelledException() {
        super("the export was cancelled");
    }
}
