package dev.podscope.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A bundle read back entry by entry with the JDK's own zip reader (which checks each entry's CRC); tests change
 * entries of an exported bundle and write it again to see how the reader takes a damaged or edited zip.
 */
public record BundleFiles(Map<String, byte[]> entries) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static BundleFiles read(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return new BundleFiles(entries);
    }

    /** Writes {@code entries} (raw, manifest.json among them or not) as the zip {@code file}. */
    public static Path write(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    public Path write(Path file) throws IOException {
        return write(file, entries);
    }

    /** A copy with {@code path} set to {@code bytes}, the manifest unchanged. */
    public BundleFiles with(String path, byte[] bytes) {
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        changed.put(path, bytes);
        return new BundleFiles(changed);
    }

    /** A copy without the entry {@code path}, the manifest unchanged (it still lists the file). */
    public BundleFiles without(String path) {
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        changed.remove(path);
        return new BundleFiles(changed);
    }

    /** A copy without {@code path} in the zip nor in the manifest's file list, as if it had never been captured. */
    public BundleFiles neverCaptured(String path) throws IOException {
        ObjectNode manifest = (ObjectNode) manifest();
        ArrayNode files = MAPPER.createArrayNode();
        manifest.path("files").forEach(f -> {
            if (!f.path("path").asText().equals(path)) {
                files.add(f);
            }
        });
        manifest.set("files", files);
        return without(path).with(BundleReader.MANIFEST, MAPPER.writeValueAsBytes(manifest));
    }

    public String text(String path) {
        byte[] bytes = entries.get(path);
        if (bytes == null) {
            throw new AssertionError("no entry " + path + " in " + entries.keySet());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public JsonNode json(String path) throws IOException {
        return MAPPER.readTree(text(path));
    }

    public JsonNode manifest() throws IOException {
        return json(BundleReader.MANIFEST);
    }
}
