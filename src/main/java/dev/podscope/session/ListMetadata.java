package dev.podscope.session;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.kubernetes.client.openapi.models.V1ListMeta;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads only a list's {@code metadata} (resourceVersion, continue) without decoding its items, so the next page can
 * be requested while this one is decoded. The API server writes metadata before items; when it does not, the items
 * are skipped token by token, which is still cheap.
 */
final class ListMetadata {
    private ListMetadata() {
    }

    static V1ListMeta read(byte[] list) throws IOException {
        V1ListMeta meta = new V1ListMeta();
        try (JsonReader json = new JsonReader(new InputStreamReader(new ByteArrayInputStream(list), StandardCharsets.UTF_8))) {
            json.beginObject();
            while (json.hasNext()) {
                if (!json.nextName().equals("metadata") || json.peek() == JsonToken.NULL) {
                    json.skipValue();
                    continue;
                }
                json.beginObject();
                while (json.hasNext()) {
                    String name = json.nextName();
                    if (json.peek() == JsonToken.NULL) {
                        json.nextNull();
                    } else if (name.equals("resourceVersion")) {
                        meta.setResourceVersion(json.nextString());
                    } else if (name.equals("continue")) {
                        meta.setContinue(json.nextString());
                    } else {
                        json.skipValue();
                    }
                }
                return meta;
            }
        }
        return meta;
    }
}
