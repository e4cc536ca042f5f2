package dev.podscope.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A bundle read back entry by entry with the JDK's own zip reader (which checks each entry's CRC). */
record BundleFiles(Map<String, byte[]> entries) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static BundleFiles read(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return new BundleFiles(entries);
    }

    String text(String path) {
        byte[] bytes = entries.get(path);
        if (bytes == null) {
            throw new AssertionError("no entry " + path + " in " + entries.keySet());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    JsonNode json(String path) throws IOException {
        return MAPPER.readTree(text(path));
    }

    JsonNode manifest() throws IOException {
        return json("manifest.json");
    }
}
