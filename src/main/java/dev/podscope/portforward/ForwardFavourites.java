package dev.podscope.portforward;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saved forwards per kubeconfig context, in one JSON file in the app's config directory
 * ({@code ~/.config/podscope/forward-favourites.json}), to restart them in one click at start-up. Written atomically
 * (temp file + move) so that a crash never leaves half a file.
 */
public final class ForwardFavourites {
    /** One saved forward: the target, the local port (0: same as remote if free) and the bind address. */
    public record Favourite(ForwardTarget target, int localPort, String bindAddress) {
    }

    private static final TypeReference<Map<String, List<Favourite>>> FILE = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public ForwardFavourites(Path file) {
        this.file = file;
    }

    /** The favourites file in the user's config directory ($XDG_CONFIG_HOME/podscope, else ~/.config/podscope). */
    public static ForwardFavourites inConfigDirectory() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path dir = xdg != null && !xdg.isBlank() ? Path.of(xdg, "podscope")
                : Path.of(System.getProperty("user.home"), ".config", "podscope");
        return new ForwardFavourites(dir.resolve("forward-favourites.json"));
    }

    public Path file() {
        return file;
    }

    /** The favourites of one context, in saved order; empty when none or the file does not exist yet. */
    public synchronized List<Favourite> load(String context) throws IOException {
        return List.copyOf(readAll().getOrDefault(context, List.of()));
    }

    /** Replaces the favourites of one context. */
    public synchronized void save(String context, List<Favourite> favourites) throws IOException {
        Map<String, List<Favourite>> all = readAll();
        if (favourites.isEmpty()) {
            all.remove(context);
        } else {
            all.put(context, List.copyOf(favourites));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "forward-favourites", ".tmp");
        try {
            JSON.writeValue(temp.toFile(), all);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Adds one favourite to a context unless the same target and ports are saved already. */
    public synchronized void add(String context, Favourite favourite) throws IOException {
        List<Favourite> list = new ArrayList<>(load(context));
        if (!list.contains(favourite)) {
            list.add(favourite);
            save(context, list);
        }
    }

    public synchronized void remove(String context, Favourite favourite) throws IOException {
        List<Favourite> list = new ArrayList<>(load(context));
        if (list.remove(favourite)) {
            save(context, list);
        }
    }

    private Map<String, List<Favourite>> readAll() throws IOException {
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, List<Favourite>> all = JSON.readValue(file.toFile(), FILE);
            return all == null ? new LinkedHashMap<>() : new LinkedHashMap<>(all);
        } catch (IOException e) {
            throw new IOException("Cannot read the port-forward favourites in " + file + ": " + e.getMessage(), e);
        }
    }
}
