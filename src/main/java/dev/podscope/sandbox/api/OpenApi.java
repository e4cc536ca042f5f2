package dev.podscope.sandbox.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.Resources;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal OpenAPI v3: for each group-version, the PATCH operation of each kind with its {@code fieldValidation}
 * parameter. That is what kubectl looks for before it leaves validation to the server ({@code fieldValidation=Strict})
 * instead of downloading full schemas; for strategic merge patches it then falls back to its compiled-in types.
 * OpenAPI v2 stays unserved (404), which kubectl tolerates.
 */
final class OpenApi {
    private static final String ROOT = "/openapi/v3";
    private static final Map<String, byte[]> DOCUMENTS = documents();

    private OpenApi() {
    }

    static Optional<byte[]> document(String path) {
        return Optional.ofNullable(DOCUMENTS.get(path));
    }

    private static Map<String, byte[]> documents() {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        JsonObject rootPaths = new JsonObject();
        for (String groupVersion : Resources.all().stream().map(OpenApi::urlPrefix).distinct().toList()) {
            byte[] document = groupVersionDocument(groupVersion).toString().getBytes(StandardCharsets.UTF_8);
            documents.put(ROOT + "/" + groupVersion, document);
            JsonObject entry = new JsonObject();
            entry.addProperty("serverRelativeURL", ROOT + "/" + groupVersion + "?hash="
                    + Integer.toHexString(Arrays.hashCode(document)));
            rootPaths.add(groupVersion, entry);
        }
        JsonObject root = new JsonObject();
        root.add("paths", rootPaths);
        documents.put(ROOT, root.toString().getBytes(StandardCharsets.UTF_8));
        return Map.copyOf(documents);
    }

    private static JsonObject groupVersionDocument(String groupVersion) {
        JsonObject paths = new JsonObject();
        for (ResourceType<?> type : Resources.all()) {
            if (urlPrefix(type).equals(groupVersion)) {
                JsonObject item = new JsonObject();
                item.add("patch", patchOperation(type));
                String collection = "/" + groupVersion + (type.namespaced() ? "/namespaces/{namespace}/" : "/");
                paths.add(collection + type.plural() + "/{name}", item);
            }
        }
        JsonObject info = new JsonObject();
        info.addProperty("title", "Kubernetes");
        info.addProperty("version", ServerInfo.GIT_VERSION);
        JsonObject document = new JsonObject();
        document.addProperty("openapi", "3.0.0");
        document.add("info", info);
        document.add("paths", paths);
        JsonObject components = new JsonObject();
        components.add("schemas", new JsonObject());
        document.add("components", components);
        return document;
    }

    private static JsonObject patchOperation(ResourceType<?> type) {
        JsonObject gvk = new JsonObject();
        gvk.addProperty("group", type.group());
        gvk.addProperty("version", type.version());
        gvk.addProperty("kind", type.kind());
        JsonObject schema = new JsonObject();
        schema.addProperty("type", "string");
        JsonObject fieldValidation = new JsonObject();
        fieldValidation.addProperty("name", "fieldValidation");
        fieldValidation.addProperty("in", "query");
        fieldValidation.add("schema", schema);
        JsonArray parameters = new JsonArray();
        parameters.add(fieldValidation);
        JsonObject ok = new JsonObject();
        ok.addProperty("description", "OK");
        JsonObject responses = new JsonObject();
        responses.add("200", ok);
        JsonObject operation = new JsonObject();
        operation.addProperty("operationId", "patch" + type.kind());
        operation.add("parameters", parameters);
        operation.add("responses", responses);
        operation.addProperty("x-kubernetes-action", "patch");
        operation.add("x-kubernetes-group-version-kind", gvk);
        return operation;
    }

    private static String urlPrefix(ResourceType<?> type) {
        return type.group().isEmpty() ? "api/" + type.version() : "apis/" + type.apiVersion();
    }
}
