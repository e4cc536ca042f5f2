package dev.podscope.bundle;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zip being written, one entry at a time, measuring each entry's size and sha256 as its bytes go by so that
 * nothing is held or read twice.
 */
final class BundleZip implements Closeable {
    private final ZipOutputStream zip;
    private final List<FileEntry> files = new ArrayList<>();
    private Entry open;

    BundleZip(Path file) throws IOException {
        this.zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /** Starts entry {@code path}; write to the returned stream, then call {@link #end}. Closing it is harmless. */
    OutputStream begin(String path) throws IOException {
        if (open != null) {
            throw new IllegalStateException("entry " + open.path + " is still open");
        }
        // logs are nearly all of a bundle's bytes: the fastest level packs them 3x faster than the default, for a
        // zip about a quarter larger
        zip.setLevel(path.startsWith("logs/") ? Deflater.BEST_SPEED : Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(new ZipEntry(path));
        open = new Entry(path, zip);
        return open;
    }

    FileEntry end() throws IOException {
        return end(null);
    }

    /** Ends the open entry, listing it with its full size before truncation when it was truncated. */
    FileEntry end(Long truncatedFrom) throws IOException {
        zip.closeEntry();
        FileEntry entry = new FileEntry(open.path, open.size, HexFormat.of().formatHex(open.digest.digest()), truncatedFrom);
        files.add(entry);
        open = null;
        return entry;
    }

    void write(String path, byte[] bytes) throws IOException {
        begin(path).write(bytes);
        end();
    }

    /** The manifest goes in last and is not listed in itself. */
    void writeUnlisted(String path, byte[] bytes) throws IOException {
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(new ZipEntry(path));
        zip.write(bytes);
        zip.closeEntry();
    }

    List<FileEntry> files() {
        return List.copyOf(files);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static final class Entry extends FilterOutputStream {
        private final String path;
        private final MessageDigest digest;
        private long size;

        Entry(String path, OutputStream zip) {
            super(zip);
            this.path = path;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            size += len;
        }

        @Override
        public void close() {
            // the zip stays open for the next entry
        }
    }
}
