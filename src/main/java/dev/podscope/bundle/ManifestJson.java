package dev.podscope.bundle;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Decodes {@code manifest.json}, with a clear message for each field that is missing or malformed. */
final class ManifestJson {
    private ManifestJson() {
    }

    static BundleManifest parse(byte[] json, String bundleName) {
        JsonObject root;
        try {
            JsonElement element = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
            if (!element.isJsonObject()) {
                throw new BundleException(bundleName + " is not a Podscope bundle: manifest.json is not a JSON object");
            }
            root = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new BundleException(bundleName + " is not a Podscope bundle: manifest.json is not valid JSON ("
                    + e.getMessage() + ")");
        }
        String format = string(root, "format");
        if (format == null || !format.startsWith("podscope-bundle/")) {
            throw new BundleException(bundleName + " is not a Podscope bundle: its manifest.json has no format \""
                    + BundleManifest.FORMAT + "\"");
        }
        if (!format.equals(BundleManifest.FORMAT)) {
            throw new BundleException(bundleName + " is a bundle of format \"" + format + "\", which this Podscope"
                    + " cannot read (it reads \"" + BundleManifest.FORMAT + "\")");
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(required(root, "createdAt", bundleName));
        } catch (DateTimeParseException e) {
            throw new BundleException(bundleName + ": manifest.json has an invalid createdAt \""
                    + string(root, "createdAt") + "\"");
        }
        JsonObject server = object(root, "server");
        JsonObject scope = object(root, "scope");
        return new BundleManifest(format, string(root, "podscopeVersion"), createdAt,
                required(root, "context", bundleName),
                new BundleManifest.Server(string(server, "gitVersion"), string(server, "platform")),
                new BundleManifest.Scope(strings(scope, "namespaces"), bool(scope, "allNamespaces"),
                        string(scope, "labelSelector"), string(scope, "since"), string(scope, "logs")),
                list(root, "files", f -> {
                    String path = required(f, "path", bundleName);
                    if (!f.has("size") || !f.has("sha256")) {
                        throw new BundleException(bundleName + ": manifest.json lists " + path
                                + " without its size and sha256");
                    }
                    return new BundleManifest.FileEntry(path, f.get("size").getAsLong(), string(f, "sha256"));
                }),
                list(root, "missing", m -> new BundleManifest.Missing(string(m, "path"), string(m, "reason"))));
    }

    private static String required(JsonObject object, String field, String bundleName) {
        String value = string(object, field);
        if (value == null || value.isEmpty()) {
            throw new BundleException(bundleName + ": manifest.json has no \"" + field + "\"");
        }
        return value;
    }

    private static String string(JsonObject object, String field) {
        JsonElement value = object == null ? null : object.get(field);
        return value == null || value.isJsonNull() || !value.isJsonPrimitive() ? null : value.getAsString();
    }

    private static boolean bool(JsonObject object, String field) {
        JsonElement value = object == null ? null : object.get(field);
        return value != null && value.isJsonPrimitive() && value.getAsBoolean();
    }

    private static JsonObject object(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : null;
    }

    private static List<String> strings(JsonObject object, String field) {
        JsonElement value = object == null ? null : object.get(field);
        List<String> values = new ArrayList<>();
        if (value != null && value.isJsonArray()) {
            value.getAsJsonArray().forEach(v -> values.add(v.getAsString()));
        }
        return values;
    }

    private static <T> List<T> list(JsonObject root, String field, Function<JsonObject, T> item) {
        JsonElement value = root.get(field);
        List<T> items = new ArrayList<>();
        if (value != null && value.isJsonArray()) {
            JsonArray array = value.getAsJsonArray();
            for (JsonElement e : array) {
                if (e.isJsonObject()) {
                    items.add(item.apply(e.getAsJsonObject()));
                }
            }
        }
        return List.copyOf(items);
    }
}
