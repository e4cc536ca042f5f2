package dev.podscope.sandbox.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.podscope.sandbox.store.ResourceType;
import io.kubernetes.client.common.KubernetesObject;
import dev.podscope.format.WireJson;

import java.nio.charset.StandardCharsets;

/** Request bodies to JSON trees and back to typed objects, with the API server's error replies. */
final class ObjectJson {
    private static final YAMLMapper YAML = new YAMLMapper();

    private ObjectJson() {
    }

    /** A JSON, YAML or Kubernetes protobuf request body as a JSON object. */
    static JsonObject parseObject(byte[] body, String contentType) {
        if (contentType.equals(ProtobufJson.CONTENT_TYPE)) {
            return ProtobufJson.parseObject(body);
        }
        JsonElement element = parse(body, contentType);
        if (!element.isJsonObject()) {
            throw ApiError.badRequest("the request body must be a JSON object");
        }
        return element.getAsJsonObject();
    }

    static JsonElement parse(byte[] body, String contentType) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            if (contentType.equals("application/yaml")) {
                return JsonParser.parseString(YAML.readTree(text).toString());
            }
            if (contentType.isEmpty() || contentType.equals("application/json") || contentType.endsWith("+json")) {
                return JsonParser.parseString(text);
            }
        } catch (JsonParseException | JacksonException e) {
            throw ApiError.badRequest("the request body is not valid " + (contentType.equals("application/yaml")
                    ? "YAML" : "JSON") + ": " + e.getMessage());
        }
        throw ApiError.unsupportedMediaType("the sandbox accepts request bodies in application/json, "
                + "application/yaml or application/vnd.kubernetes.protobuf, not " + contentType);
    }

    static JsonObject tree(KubernetesObject object) {
        return WireJson.gson().toJsonTree(object).getAsJsonObject();
    }

    static <T extends KubernetesObject> T decode(ResourceType<T> type, JsonObject json) {
        try {
            return WireJson.gson().fromJson(json, type.javaType());
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            int jsonDump = message.indexOf(" JSON: ");
            throw ApiError.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
                    + type.kind() + ": " + (jsonDump > 0 ? message.substring(0, jsonDump) : message));
        }
    }

    /** The object's metadata, created when absent. */
    static JsonObject metadata(JsonObject object) {
        JsonElement metadata = object.get("metadata");
        if (metadata == null || !metadata.isJsonObject()) {
            JsonObject created = new JsonObject();
            object.add("metadata", created);
            return created;
        }
        return metadata.getAsJsonObject();
    }

    static String string(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
