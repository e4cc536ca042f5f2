package dev.podscope.sandbox.api;

import com.google.gson.JsonObject;
import dev.podscope.sandbox.store.ResourceType;

/**
 * The split between an object and its {@code status} subresource: writes to the object leave its status as
 * stored, writes to {@code .../status} change nothing but the status.
 */
final class ObjectStatus {
    private ObjectStatus() {
    }

    static boolean hasStatus(ResourceType<?> type) {
        try {
            type.javaType().getMethod("getStatus");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The object {@code desired} may become through {@code subresource} (null for the object itself). */
    static JsonObject confine(ResourceType<?> type, String subresource, JsonObject current, JsonObject desired) {
        if (!hasStatus(type)) {
            return desired;
        }
        JsonObject result = "status".equals(subresource) ? current.deepCopy() : desired.deepCopy();
        JsonObject statusFrom = "status".equals(subresource) ? desired : current;
        if (statusFrom.has("status")) {
            result.add("status", statusFrom.get("status"));
        } else {
            result.remove("status");
        }
        return result;
    }
}
