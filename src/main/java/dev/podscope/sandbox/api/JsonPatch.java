package dev.podscope.sandbox.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** RFC 6902 JSON patch ({@code kubectl patch --type=json}): add, remove, replace, move, copy and test. */
final class JsonPatch {
    private JsonPatch() {
    }

    static JsonElement apply(JsonObject target, JsonElement patch) {
        if (!patch.isJsonArray()) {
            throw ApiError.badRequest("a JSON patch must be a list of operations");
        }
        JsonElement document = target.deepCopy();
        for (JsonElement element : patch.getAsJsonArray()) {
            JsonObject op = element.getAsJsonObject();
            String path = ObjectJson.string(op, "path");
            String name = String.valueOf(ObjectJson.string(op, "op"));
            if (path == null) {
                throw ApiError.badRequest("JSON patch operation \"" + name + "\" has no path");
            }
            switch (name) {
                case "add" -> document = add(document, path, value(op));
                case "remove" -> document = remove(document, path);
                case "replace" -> document = add(remove(document, path), path, value(op));
                case "move" -> {
                    JsonElement moved = get(document, from(op));
                    document = add(remove(document, from(op)), path, moved);
                }
                case "copy" -> document = add(document, path, get(document, from(op)).deepCopy());
                case "test" -> {
                    if (!get(document, path).equals(value(op))) {
                        throw new ApiError(422, "Invalid", "JSON patch test failed at " + path, null, null);
                    }
                }
                default -> throw ApiError.badRequest("unknown JSON patch operation \"" + name + "\"");
            }
        }
        return document;
    }

    private static JsonElement value(JsonObject op) {
        if (!op.has("value")) {
            throw ApiError.badRequest("JSON patch operation \"" + ObjectJson.string(op, "op") + "\" has no value");
        }
        return op.get("value");
    }

    private static String from(JsonObject op) {
        String from = ObjectJson.string(op, "from");
        if (from == null) {
            throw ApiError.badRequest("JSON patch operation \"" + ObjectJson.string(op, "op") + "\" has no from");
        }
        return from;
    }

    private static JsonElement add(JsonElement document, String path, JsonElement value) {
        List<String> tokens = tokens(path);
        if (tokens.isEmpty()) {
            return value;
        }
        JsonElement parent = get(document, tokens.subList(0, tokens.size() - 1), path);
        String last = tokens.getLast();
        if (parent.isJsonObject()) {
            parent.getAsJsonObject().add(last, value);
        } else if (parent.isJsonArray()) {
            JsonArray array = parent.getAsJsonArray();
            int index = last.equals("-") ? array.size() : index(last, array.size() + 1, path);
            array.asList().add(index, value);
        } else {
            throw missing(path);
        }
        return document;
    }

    private static JsonElement remove(JsonElement document, String path) {
        List<String> tokens = tokens(path);
        if (tokens.isEmpty()) {
            throw ApiError.badRequest("JSON patch cannot remove the whole object");
        }
        JsonElement parent = get(document, tokens.subList(0, tokens.size() - 1), path);
        String last = tokens.getLast();
        if (parent.isJsonObject() && parent.getAsJsonObject().has(last)) {
            parent.getAsJsonObject().remove(last);
        } else if (parent.isJsonArray()) {
            parent.getAsJsonArray().remove(index(last, parent.getAsJsonArray().size(), path));
        } else {
            throw missing(path);
        }
        return document;
    }

    private static JsonElement get(JsonElement document, String path) {
        return get(document, tokens(path), path);
    }

    private static JsonElement get(JsonElement document, List<String> tokens, String path) {
        JsonElement current = document;
        for (String token : tokens) {
            if (current != null && current.isJsonObject()) {
                current = current.getAsJsonObject().get(token);
            } else if (current != null && current.isJsonArray()) {
                current = current.getAsJsonArray().get(index(token, current.getAsJsonArray().size(), path));
            } else {
                current = null;
            }
            if (current == null) {
                throw missing(path);
            }
        }
        return current;
    }

    private static int index(String token, int size, String path) {
        try {
            int index = Integer.parseInt(token);
            if (index >= 0 && index < size) {
                return index;
            }
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("JSON patch path " + path + " has a non-numeric list index");
        }
        throw ApiError.badRequest("JSON patch path " + path + " has an index out of range");
    }

    private static List<String> tokens(String path) {
        if (path.isEmpty()) {
            return List.of();
        }
        if (!path.startsWith("/")) {
            throw ApiError.badRequest("JSON patch path \"" + path + "\" must start with /");
        }
        List<String> tokens = new ArrayList<>();
        for (String token : path.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static ApiError missing(String path) {
        return new ApiError(422, "Invalid", "JSON patch path " + path + " does not exist", null, null);
    }
}
