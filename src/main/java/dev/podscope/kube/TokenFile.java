package dev.podscope.kube;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A bearer token read from {@code tokenFile} and re-read when it may have changed, like client-go's cached file
 * token source: at least once a minute, and here also as soon as the file's identity, size or modification time
 * changes (kubelet rotates projected tokens by swapping a symlink). A failed re-read keeps the last good token.
 */
final class TokenFile {
    private static final Duration PERIOD = Duration.ofMinutes(1);

    private final Path file;
    private final Clock clock;
    private String token;
    private Stamp stamp;
    private Instant readAt;

    /** @param fallback the static {@code token} used while the file cannot be read, or null */
    TokenFile(Path file, String fallback, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.token = fallback;
    }

    /** Reads the file now; failing is an error only when there is no static token to fall back on. */
    TokenFile open(String owner) {
        try {
            reload();
        } catch (IOException e) {
            if (token == null) {
                throw new KubeconfigException("unable to read tokenFile " + file + " for " + owner + ": "
                        + e.getMessage());
            }
        }
        return this;
    }

    synchronized String token() throws IOException {
        Stamp now = stampOrNull();
        if (now == null || !now.equals(stamp) || readAt == null || clock.instant().isAfter(readAt.plus(PERIOD))) {
            try {
                reload();
            } catch (IOException e) {
                if (token == null) {
                    throw new KubeCredentialsException("unable to read tokenFile " + file + ": " + e.getMessage());
                }
            }
        }
        return token;
    }

    private synchronized void reload() throws IOException {
        Stamp before = stampOrNull();
        String read;
        try {
            read = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IOException(IoReasons.of(e));
        }
        if (read.isEmpty()) {
            throw new IOException("the file is empty");
        }
        token = read;
        stamp = before;
        readAt = clock.instant();
    }

    private Stamp stampOrNull() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
        } catch (IOException e) {
            return null;
        }
    }

    private record Stamp(Object fileKey, long size, FileTime modified) {
    }
}
