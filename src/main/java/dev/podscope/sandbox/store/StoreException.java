package dev.podscope.sandbox.store;

/** A refused store operation, carrying the HTTP status and Status reason the API server would answer with. */
public final class StoreException extends RuntimeException {
    private final int code;
    private final String reason;

    public StoreException(int code, String reason, String message) {
        super(message);
        this.code = code;
        this.reason = reason;
    }

    public static StoreException notFound(ResourceType<?> type, String name) {
        return new StoreException(404, "NotFound", type.groupResource() + " \"" + name + "\" not found");
    }

    public static StoreException alreadyExists(ResourceType<?> type, String name) {
        return new StoreException(409, "AlreadyExists", type.groupResource() + " \"" + name + "\" already exists");
    }

    public static StoreException gone(long requested, long oldest) {
        return new StoreException(410, "Expired",
                "too old resource version: " + requested + " (" + oldest + ")");
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }
}
