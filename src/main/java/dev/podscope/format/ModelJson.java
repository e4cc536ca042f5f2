package dev.podscope.format;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.kubernetes.client.openapi.JSON;
import java.io.IOException;
import java.io.Reader;
import java.time.OffsetDateTime;

/**
 * Decodes client-java model objects leniently: client-java's Gson setup (dates, byte arrays, quantities,
 * int-or-string) without its generated per-model validators, which reject unknown fields and missing
 * "required" ones. kubectl reads such objects, so a pod saved from a newer cluster or written by hand must load.
 */
public final class ModelJson {

    private static final Gson GSON = JSON.createGson()
            .registerTypeAdapter(OffsetDateTime.class, new FastTimeAdapter())
            .registerTypeAdapter(byte[].class, new JSON.ByteArrayAdapter())
            .create();

    private ModelJson() {
    }

    public static <T> T decode(String json, Class<T> type) {
        return GSON.fromJson(json, type);
    }

    /**
     * Streams an object out of a reader — also the fast path for lists: client-java's validating adapters build a
     * JSON tree per nested object, several times slower on a 10,000-pod list.
     */
    public static <T> T decode(Reader json, Class<T> type) {
        return GSON.fromJson(json, type);
    }

    public static <T> T decode(JsonElement json, Class<T> type) {
        return GSON.fromJson(json, type);
    }

    /** client-java's timestamp adapter with a fast reader: timestamps are a large share of a pod list's decoding. */
    private static final class FastTimeAdapter extends TypeAdapter<OffsetDateTime> {
        private final TypeAdapter<OffsetDateTime> writer = new JSON.OffsetDateTimeTypeAdapter();

        @Override
        public void write(JsonWriter out, OffsetDateTime value) throws IOException {
            writer.write(out, value);
        }

        @Override
        public OffsetDateTime read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return Rfc3339.parse(in.nextString());
        }
    }
}
