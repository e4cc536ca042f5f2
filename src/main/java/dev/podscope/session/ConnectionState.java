package dev.podscope.session;

/** How current the pods shown for a context are. Only LIVE means "this is what the cluster says now". */
public enum ConnectionState {
    /** First list in progress. */
    CONNECTING,
    /** Listed and watching: changes arrive as they happen. */
    LIVE,
    /** The watch broke; the data shown is stale while we reconnect with back-off. */
    RECONNECTING,
    /** Gave up for a reason retrying cannot fix (401, 403, bad TLS); the message says which. */
    FAILED,
    /** Closed by the user (context switched or app closing). */
    STOPPED
}
