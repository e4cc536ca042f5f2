package dev.podscope.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One list file of a bundle ({@code PodList}, {@code EventList}...) written as its pages arrive: the list's header
 * from the first page, then each item, so that a list of any length needs one page of memory.
 */
final class ListFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BundleZip zip;
    private final String path;
    private final String kind;
    private final String apiVersion;
    private OutputStream out;
    private boolean first = true;

    ListFile(BundleZip zip, String path, String kind, String apiVersion) {
        this.zip = zip;
        this.path = path;
        this.kind = kind;
        this.apiVersion = apiVersion;
    }

    String path() {
        return path;
    }

    /** Starts the file with the list metadata of {@code page} (its resourceVersion; never its continue token). */
    void start(ObjectNode page) throws IOException {
        if (out != null) {
            return;
        }
        ObjectNode metadata = MAPPER.createObjectNode();
        String version = page == null ? "" : page.path("metadata").path("resourceVersion").asText("");
        if (!version.isEmpty()) {
            metadata.put("resourceVersion", version);
        }
        out = zip.begin(path);
        out.write(("{\"kind\":" + MAPPER.writeValueAsString(kind) + ",\"apiVersion\":"
                + MAPPER.writeValueAsString(apiVersion) + ",\"metadata\":" + MAPPER.writeValueAsString(metadata)
                + ",\"items\":[").getBytes(StandardCharsets.UTF_8));
    }

    boolean started() {
        return out != null;
    }

    void item(JsonNode item) throws IOException {
        item(MAPPER.writeValueAsBytes(item));
    }

    void item(byte[] json) throws IOException {
        if (out == null) {
            start(null);
        }
        if (!first) {
            out.write(',');
        }
        first = false;
        out.write(json);
    }

    void finish() throws IOException {
        if (out == null) {
            start(null);
        }
        out.write("]}".getBytes(StandardCharsets.UTF_8));
        zip.end();
    }
}
