package dev.podscope.sandbox.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.Map;

/**
 * PATCH bodies applied to an object's JSON tree: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and strategic
 * merge patch. Strategic merge is approximated without the schema's patch strategies: lists of objects that all
 * have a {@code name} (containers, env, volumes, ...) are merged by name, other lists are replaced, and the
 * {@code $patch}, {@code $retainKeys} and {@code $deleteFromPrimitiveList} directives are honoured.
 */
final class Patches {
    private static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";

    private Patches() {
    }

    static JsonObject apply(String contentType, JsonObject target, byte[] body) {
        JsonElement result = switch (contentType) {
            case "application/merge-patch+json" -> merge(target, patchObject(body), false);
            case "application/strategic-merge-patch+json" -> merge(target, patchObject(body), true);
            case "application/json-patch+json" -> JsonPatch.apply(target, ObjectJson.parse(body, contentType));
            case "application/apply-patch+yaml" -> throw ApiError.unsupportedMediaType("server-side apply is not "
                    + "supported by the podscope sandbox; use client-side apply (kubectl apply without --server-side)");
            default -> throw ApiError.unsupportedMediaType("the body of the request was in an unknown format - "
                    + "accepted media types include: application/json-patch+json, application/merge-patch+json, "
                    + "application/strategic-merge-patch+json");
        };
        if (result == null || !result.isJsonObject()) {
            throw ApiError.badRequest("the patch must leave an object");
        }
        return result.getAsJsonObject();
    }

    private static JsonObject patchObject(byte[] body) {
        return ObjectJson.parseObject(body, "application/json");
    }

    /** RFC 7386 merge, plus the strategic-merge rules when {@code strategic}; null means "delete this value". */
    static JsonElement merge(JsonElement target, JsonElement patch, boolean strategic) {
        if (!patch.isJsonObject()) {
            return strategic ? withoutDirectives(patch) : patch.deepCopy();
        }
        JsonObject patchObject = patch.getAsJsonObject();
        if (strategic && patchObject.has("$patch")) {
            String directive = patchObject.get("$patch").getAsString();
            if (directive.equals("delete")) {
                return null;
            }
            if (directive.equals("replace")) {
                return withoutDirectives(patchObject);
            }
        }
        JsonObject result = target != null && target.isJsonObject() ? target.getAsJsonObject().deepCopy() : new JsonObject();
        for (Map.Entry<String, JsonElement> entry : patchObject.entrySet()) {
            String key = entry.getKey();
            JsonElement value = entry.getValue();
            if (strategic && key.startsWith("$")) {
                applyDirective(result, key, value);
            } else if (value.isJsonNull()) {
                result.remove(key);
            } else if (strategic && value.isJsonArray() && mergeableByName(result.get(key), value.getAsJsonArray())) {
                result.add(key, mergeByName(result.get(key), value.getAsJsonArray()));
            } else {
                JsonElement merged = merge(result.get(key), value, strategic);
                if (merged == null) {
                    result.remove(key);
                } else {
                    result.add(key, merged);
                }
            }
        }
        if (strategic && patchObject.has("$retainKeys")) {
            for (String key : result.keySet().toArray(String[]::new)) {
                if (!patchObject.getAsJsonArray("$retainKeys").contains(new JsonPrimitive(key))) {
                    result.remove(key);
                }
            }
        }
        return result;
    }

    private static void applyDirective(JsonObject result, String key, JsonElement value) {
        if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST) && value.isJsonArray()) {
            JsonElement list = result.get(key.substring(DELETE_FROM_PRIMITIVE_LIST.length()));
            if (list != null && list.isJsonArray()) {
                list.getAsJsonArray().asList().removeIf(value.getAsJsonArray()::contains);
            }
        }
    }

    private static boolean mergeableByName(JsonElement target, JsonArray patch) {
        if (target == null || !target.isJsonArray() || patch.isEmpty()) {
            return false;
        }
        for (JsonElement element : patch) {
            if (!element.isJsonObject() || !element.getAsJsonObject().has("name")) {
                return false;
            }
        }
        for (JsonElement element : target.getAsJsonArray()) {
            if (!element.isJsonObject() || !element.getAsJsonObject().has("name")) {
                return false;
            }
        }
        return true;
    }

    private static JsonArray mergeByName(JsonElement target, JsonArray patch) {
        JsonArray result = target.getAsJsonArray().deepCopy();
        for (JsonElement element : patch) {
            JsonObject item = element.getAsJsonObject();
            int index = indexOfName(result, item.get("name"));
            if (index < 0) {
                if (!"delete".equals(ObjectJson.string(item, "$patch"))) {
                    result.add(withoutDirectives(item));
                }
                continue;
            }
            JsonElement merged = merge(result.get(index), item, true);
            if (merged == null) {
                result.remove(index);
            } else {
                result.set(index, merged);
            }
        }
        return result;
    }

    private static int indexOfName(JsonArray items, JsonElement name) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).getAsJsonObject().get("name").equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static JsonElement withoutDirectives(JsonElement element) {
        if (element.isJsonObject()) {
            JsonObject copy = new JsonObject();
            element.getAsJsonObject().entrySet().stream()
                    .filter(e -> !e.getKey().startsWith("$"))
                    .forEach(e -> copy.add(e.getKey(), withoutDirectives(e.getValue())));
            return copy;
        }
        if (element.isJsonArray()) {
            JsonArray copy = new JsonArray();
            element.getAsJsonArray().forEach(e -> copy.add(withoutDirectives(e)));
            return copy;
        }
        return element == null ? JsonNull.INSTANCE : element.deepCopy();
    }
}
