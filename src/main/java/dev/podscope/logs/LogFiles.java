package dev.podscope.logs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Saves log lines to a file, one per line, as UTF-8. */
public final class LogFiles {
    private LogFiles() {
    }

    /** Blocking; returns {@code file}. */
    public static Path write(Path file, List<String> lines) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
        }
        return file;
    }
}
