package dev.podscope.bundle;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.podscope.format.WireJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens a bundle zip (docs/bundle-format.md) and proves it whole before anything is read from it: the manifest is of
 * format {@code podscope-bundle/1}, and every file it lists is there with its size and sha256, and nothing else is.
 * Lists decode with {@link WireJson}, as from a live API server.
 */
public final class BundleReader implements AutoCloseable {
    public static final String MANIFEST = "manifest.json";

    private final Path file;
    private final ZipFile zip;
    private final BundleManifest manifest;
    private final Map<String, BundleManifest.FileEntry> files = new LinkedHashMap<>();

    private BundleReader(Path file, ZipFile zip, BundleManifest manifest) {
        this.file = file;
        this.zip = zip;
        this.manifest = manifest;
        manifest.files().forEach(f -> files.put(f.path(), f));
    }

    /**
     * Opens and verifies {@code file}.
     *
     * @throws BundleException naming the file (and the entry) that is missing, corrupt, changed or not a bundle
     */
    public static BundleReader open(Path file) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new BundleException("Cannot open " + file + ": no such file");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new BundleException(name + " is not a Podscope bundle: it is not a zip file");
        } catch (IOException e) {
            throw new BundleException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry == null) {
                throw new BundleException(name + " is not a Podscope bundle: it has no " + MANIFEST);
            }
            BundleManifest manifest = ManifestJson.parse(readAll(zip, manifestEntry), name);
            BundleReader reader = new BundleReader(file, zip, manifest);
            reader.verify();
            return reader;
        } catch (IOException e) {
            closeQuietly(zip);
            throw new BundleException("Cannot read " + name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private void verify() throws IOException {
        String name = file.getFileName().toString();
        for (BundleManifest.FileEntry entry : files.values()) {
            ZipEntry zipEntry = zip.getEntry(entry.path());
            if (zipEntry == null) {
                throw new BundleException(name + " is incomplete: " + entry.path()
                        + " is listed in the manifest but not in the zip");
            }
            MessageDigest digest = sha256();
            long size = 0;
            try (InputStream in = new DigestInputStream(zip.getInputStream(zipEntry), digest)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    size += n;
                }
            } catch (ZipException e) {
                throw new BundleException(name + " is corrupt: " + entry.path() + " cannot be read ("
                        + e.getMessage() + ")");
            }
            if (size != entry.size()) {
                throw new BundleException(name + " is corrupt or was changed: " + entry.path() + " has " + size
                        + " bytes, the manifest says " + entry.size());
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            if (!sha.equalsIgnoreCase(entry.sha256())) {
                throw new BundleException(name + " is corrupt or was changed: the sha256 of " + entry.path()
                        + " does not match the manifest");
            }
        }
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (!entry.isDirectory() && !entry.getName().equals(MANIFEST) && !files.containsKey(entry.getName())) {
                throw new BundleException(name + " was changed: " + entry.getName()
                        + " is in the zip but not listed in the manifest");
            }
        }
    }

    public BundleManifest manifest() {
        return manifest;
    }

    public Path file() {
        return file;
    }

    /** Whether the bundle has the file at {@code path} (a path of docs/bundle-format.md). */
    public boolean has(String path) {
        return files.containsKey(path);
    }

    /** Every file of the bundle, in the manifest's order. */
    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    /** The namespaces the bundle has objects of (folders under {@code namespaces/}), sorted. */
    public List<String> namespaces() {
        TreeSet<String> namespaces = new TreeSet<>();
        for (String path : files.keySet()) {
            String[] parts = path.split("/");
            if (parts.length == 3 && parts[0].equals("namespaces")) {
                namespaces.add(parts[1]);
            }
        }
        return List.copyOf(namespaces);
    }

    /** The file's bytes, or empty when the bundle does not have it. */
    public Optional<byte[]> bytes(String path) {
        if (!has(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(readAll(zip, zip.getEntry(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + " from " + file.getFileName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A stream of the file (for logs, which may be large), or empty when the bundle does not have it. */
    public Optional<InputStream> stream(String path) throws IOException {
        return has(path) ? Optional.of(zip.getInputStream(zip.getEntry(path))) : Optional.empty();
    }

    /** The items of the list object at {@code path}, each decoded as {@code type}; empty when there is no such file. */
    public <T> List<T> items(String path, Class<T> type) {
        Optional<byte[]> json = bytes(path);
        if (json.isEmpty()) {
            return List.of();
        }
        try {
            JsonElement root = JsonParser.parseString(new String(json.get(), StandardCharsets.UTF_8));
            JsonElement items = root.isJsonObject() ? root.getAsJsonObject().get("items") : null;
            if (items == null || !items.isJsonArray()) {
                throw new BundleException(file.getFileName() + ": " + path + " is not a list object");
            }
            List<T> decoded = new ArrayList<>(items.getAsJsonArray().size());
            for (JsonElement item : items.getAsJsonArray()) {
                decoded.add(WireJson.read(item.toString().getBytes(StandardCharsets.UTF_8), type));
            }
            return decoded;
        } catch (JsonParseException e) {
            throw new BundleException(file.getFileName() + ": " + path + " is not valid JSON (" + e.getMessage()
                    + ")");
        }
    }

    /** Why the capture could not collect {@code path}, when the manifest says so. */
    public Optional<String> missingReason(String path) {
        return manifest.missing().stream().filter(m -> path.equals(m.path())).map(BundleManifest.Missing::reason)
                .findFirst();
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static byte[] readAll(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing was written: there is nothing to lose
        }
    }
}
