package dev.podscope.sandbox.api;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code continue} value of a paged list: the revision of the first page and the key of the last item
 * served, encoded like the API server's own tokens (base64 of a small JSON document).
 */
record ContinueToken(long revision, String lastKey) {

    String encode() {
        JsonObject json = new JsonObject();
        json.addProperty("v", "meta.k8s.io/v1");
        json.addProperty("rv", revision);
        json.addProperty("start", lastKey + "\u0000");
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    static ContinueToken decode(String token) {
        try {
            JsonObject json = JsonParser.parseString(
                    new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)).getAsJsonObject();
            String start = json.get("start").getAsString();
            return new ContinueToken(json.get("rv").getAsLong(), start.substring(0, start.length() - 1));
        } catch (RuntimeException e) {
            throw ApiError.badRequest("continue key is not valid: " + e.getMessage());
        }
    }
}
