package dev.podscope.format;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.kubernetes.client.openapi.JSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;

/**
 * The JSON an API server writes, from client-java model objects. client-java's own Gson writes the empty lists and
 * maps its models start with ({@code finalizers: []}, {@code annotations: {}}) and timestamps with microseconds;
 * the API server omits empty collections and writes {@code metav1.Time} as RFC 3339 seconds (MicroTime, which
 * carries sub-second values, keeps six fraction digits).
 * <p>
 * Writing goes through a plain reflective Gson rather than client-java's: each generated model's adapter builds a
 * JSON tree of its object and copies it into its parent's tree, so a pod was materialised once per nesting level;
 * the plain Gson writes the same bytes several times faster. Reading user input keeps client-java's adapters,
 * which reject unknown fields as the API server does; the store's own copies skip that check.
 */
public final class WireJson {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    private static final Gson GSON = JSON.getGson().newBuilder()
            .registerTypeAdapter(OffsetDateTime.class, new TimeAdapter().nullSafe())
            .registerTypeAdapterFactory(new OmitEmptyCollections())
            .create();
    /**
     * client-java's base settings without its per-model adapters: models are written field by field, Quantity and
     * IntOrString bring their own adapters by annotation.
     */
    private static final Gson PLAIN = JSON.createGson()
            .registerTypeAdapter(OffsetDateTime.class, new TimeAdapter().nullSafe())
            .registerTypeAdapter(byte[].class, new JSON.ByteArrayAdapter())
            .registerTypeAdapterFactory(new OmitEmptyCollections())
            .create();

    private WireJson() {
    }

    public static Gson gson() {
        return GSON;
    }

    public static String serialize(Object object) {
        return PLAIN.toJson(object);
    }

    public static byte[] bytes(Object object) {
        // sized for a pod, so that the buffer rarely grows
        StringBuilder json = new StringBuilder(4096);
        PLAIN.toJson(object, json);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads JSON this class wrote, without client-java's field checks (through the one lenient reader). */
    public static <T> T read(byte[] json, Class<T> type) {
        return ModelJson.decode(new String(json, StandardCharsets.UTF_8), type);
    }

    /** A time as the API server writes it: RFC 3339 in UTC, with microseconds only when it has a fraction. */
    public static String time(Instant instant) {
        OffsetDateTime utc = instant.atOffset(ZoneOffset.UTC);
        return (utc.getNano() == 0 ? SECONDS : MICROS).format(utc);
    }

    private static final class TimeAdapter extends TypeAdapter<OffsetDateTime> {
        @Override
        public void write(JsonWriter out, OffsetDateTime value) throws IOException {
            out.value(time(value.toInstant()));
        }

        @Override
        public OffsetDateTime read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return OffsetDateTime.parse(in.nextString());
        }
    }

    /** Writes empty lists and maps as absent, like Go's omitempty. */
    private static final class OmitEmptyCollections implements TypeAdapterFactory {
        @Override
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            Class<?> raw = type.getRawType();
            if (!Collection.class.isAssignableFrom(raw) && !Map.class.isAssignableFrom(raw)) {
                return null;
            }
            TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
            return new TypeAdapter<>() {
                @Override
                public void write(JsonWriter out, T value) throws IOException {
                    boolean empty = value instanceof Collection<?> c ? c.isEmpty() : value instanceof Map<?, ?> m && m.isEmpty();
                    if (value == null || empty) {
                        out.nullValue();
                    } else {
                        delegate.write(out, value);
                    }
                }

                @Override
                public T read(JsonReader in) throws IOException {
                    return delegate.read(in);
                }
            };
        }
    }
}
