package dev.podscope.format;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.JSON;
import java.time.OffsetDateTime;

/**
 * Decodes client-java model objects leniently: client-java's Gson setup (dates, byte arrays, quantities,
 * int-or-string) without its generated per-model validators, which reject unknown fields and missing
 * "required" ones. kubectl reads such objects, so a pod saved from a newer cluster or written by hand must load.
 */
final class ModelJson {

    private static final Gson GSON = JSON.createGson()
            .registerTypeAdapter(OffsetDateTime.class, new JSON.OffsetDateTimeTypeAdapter())
            .registerTypeAdapter(byte[].class, new JSON.ByteArrayAdapter())
            .create();

    private ModelJson() {
    }

    static <T> T decode(String json, Class<T> type) {
        return GSON.fromJson(json, type);
    }
}
