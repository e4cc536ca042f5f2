package dev.podscope.sandbox.api;

import com.google.gson.JsonObject;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.StoreException;

import java.nio.charset.StandardCharsets;

/** A request the API server refuses, answered as a {@code Status} object exactly as kubectl and client-go expect. */
public final class ApiError extends RuntimeException {
    private final int code;
    private final String reason;
    private final ResourceType<?> type;
    private final String name;

    public ApiError(int code, String reason, String message, ResourceType<?> type, String name) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.type = type;
        this.name = name;
    }

    static ApiError from(StoreException e, ResourceType<?> type, String name) {
        return new ApiError(e.code(), e.reason(), e.getMessage(), type, name);
    }

    static ApiError notFound(ResourceType<?> type, String name) {
        return new ApiError(404, "NotFound", type.groupResource() + " \"" + name + "\" not found", type, name);
    }

    static ApiError noSuchPath() {
        return new ApiError(404, "NotFound", "the server could not find the requested resource", null, null);
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "BadRequest", message, null, null);
    }

    static ApiError invalid(ResourceType<?> type, String name, String message) {
        return new ApiError(422, "Invalid", type.kind() + " \"" + name + "\" is invalid: " + message, type, name);
    }

    static ApiError methodNotAllowed() {
        return new ApiError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource",
                null, null);
    }

    /** The RBAC authorizer's wording, e.g. {@code pods is forbidden: User "u" cannot list resource "pods" ...}. */
    static ApiError forbidden(String user, String verb, ResourceType<?> type, String resource, String namespace,
                              String name) {
        String subject = name == null ? type.groupResource() : type.groupResource() + " \"" + name + "\"";
        String scope = namespace == null ? "at the cluster scope" : "in the namespace \"" + namespace + "\"";
        return new ApiError(403, "Forbidden", subject + " is forbidden: User \"" + user + "\" cannot " + verb
                + " resource \"" + resource + "\" in API group \"" + type.group() + "\" " + scope, type, name);
    }

    static ApiError unsupportedMediaType(String message) {
        return new ApiError(415, "UnsupportedMediaType", message, null, null);
    }

    static ApiError unauthorized() {
        return new ApiError(401, "Unauthorized", "Unauthorized", null, null);
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    byte[] statusJson() {
        JsonObject status = new JsonObject();
        status.addProperty("kind", "Status");
        status.addProperty("apiVersion", "v1");
        status.add("metadata", new JsonObject());
        status.addProperty("status", "Failure");
        status.addProperty("message", getMessage());
        status.addProperty("reason", reason);
        if (type != null || name != null) {
            JsonObject details = new JsonObject();
            if (name != null) {
                details.addProperty("name", name);
            }
            if (type != null) {
                if (!type.group().isEmpty()) {
                    details.addProperty("group", type.group());
                }
                details.addProperty("kind", type.plural());
            }
            status.add("details", details);
        }
        status.addProperty("code", code);
        return status.toString().getBytes(StandardCharsets.UTF_8);
    }
}
