package dev.podscope.bundle;

import dev.podscope.bundle.redact.LogRedaction;
import dev.podscope.bundle.redact.Redactor;
import dev.podscope.logs.LogException;
import dev.podscope.logs.LogRequest;
import dev.podscope.logs.LogStream;
import io.kubernetes.client.openapi.ApiClient;
import okhttp3.Response;
import okio.BufferedSource;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * One container log into the bundle: streamed from the server line by line, redacted, spooled (in memory while
 * small, then to a temporary file) and copied into the zip keeping only the last {@code cap} bytes, cut at a line
 * start. The whole log never sits in memory, whatever its size.
 */
final class LogCapture {
    private static final int IN_MEMORY = 1 << 20;

    private final ApiClient client;
    private final Redactor redactor;
    private final Path spoolDirectory;
    private final long cap;
    private final BooleanSupplier cancelled;

    LogCapture(ApiClient client, Redactor redactor, Path spoolDirectory, long cap, BooleanSupplier cancelled) {
        this.client = client;
        this.redactor = redactor;
        this.spoolDirectory = spoolDirectory;
        this.cap = cap;
        this.cancelled = cancelled;
    }

    /**
     * Reads, redacts and spools the log of {@code request} for entry {@code path}; safe to call from several
     * threads at once. A log the server will not give is a {@link LogException}.
     */
    Captured read(LogRequest request, String path) throws LogException, IOException {
        Spool spool = new Spool(spoolDirectory);
        boolean kept = false;
        try (Response response = LogStream.openRaw(client, request)) {
            BufferedSource in = response.body().source();
            LogRedaction redaction = new LogRedaction(redactor, path);
            int lines = 0;
            for (byte[] line = nextLine(in); line != null; line = nextLine(in)) {
                if (++lines % 1024 == 0 && cancelled.getAsBoolean()) {
                    throw new BundleCancelledException();
                }
                int end = line[line.length - 1] == '\n' ? line.length - 1 : line.length;
                if (redaction.unchanged(line, 0, end)) {
                    spool.write(line, end);
                } else {
                    byte[] redacted = redaction.line(new String(line, 0, end, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                    spool.write(redacted, redacted.length);
                }
            }
            kept = true;
            return new Captured(path, spool, cap);
        } catch (IOException e) {
            throw new LogException("the log of " + request.namespace() + "/" + request.label() + " broke off: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } finally {
            if (!kept) {
                spool.close();
            }
        }
    }

    /** The next line with its newline (the last line may lack one), or null at the end; never empty. */
    private static byte[] nextLine(BufferedSource in) throws IOException {
        long newline = in.indexOf((byte) '\n');
        if (newline >= 0) {
            return in.readByteArray(newline + 1);
        }
        return in.exhausted() ? null : in.readByteArray();
    }

    /** A log read and redacted, waiting for its turn in the zip. */
    static final class Captured implements AutoCloseable {
        private final String path;
        private final Spool spool;
        private final long cap;

        private Captured(String path, Spool spool, long cap) {
            this.path = path;
            this.spool = spool;
            this.cap = cap;
        }

        void writeTo(BundleZip zip) throws IOException {
            spool.copyTail(zip, path, cap);
        }

        @Override
        public void close() throws IOException {
            spool.close();
        }
    }

    /** Bytes kept in memory up to {@link #IN_MEMORY}, then in a temporary file deleted on close. */
    private static final class Spool implements AutoCloseable {
        private final Path directory;
        private ByteArrayOutputStream memory = new ByteArrayOutputStream(8192);
        private Path file;
        private OutputStream fileOut;
        private long size;

        Spool(Path directory) {
            this.directory = directory;
        }

        /** Writes {@code bytes[0, n)} and a newline. */
        void write(byte[] bytes, int n) throws IOException {
            size += n + 1;
            if (memory != null && memory.size() + n + 1 <= IN_MEMORY) {
                memory.write(bytes, 0, n);
                memory.write('\n');
                return;
            }
            if (file == null) {
                file = Files.createTempFile(directory, ".podscope-log-", ".spool");
                fileOut = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                memory.writeTo(fileOut);
                memory = null;
            }
            fileOut.write(bytes, 0, n);
            fileOut.write('\n');
        }

        void copyTail(BundleZip zip, String path, long cap) throws IOException {
            OutputStream entry = zip.begin(path);
            if (file == null) {
                byte[] bytes = memory.toByteArray();
                int from = size <= cap ? 0 : lineStart(bytes, (int) (size - cap));
                entry.write(bytes, from, bytes.length - from);
                zip.end(from == 0 ? null : size);
                return;
            }
            fileOut.close();
            try (InputStream in = Files.newInputStream(file)) {
                long skip = size <= cap ? 0 : size - cap;
                in.skipNBytes(skip);
                if (skip > 0) {
                    // drop the partial line the cut fell into
                    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                        // skipping
                    }
                }
                in.transferTo(entry);
                zip.end(skip == 0 ? null : size);
            }
        }

        private static int lineStart(byte[] bytes, int from) {
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i - 1] == '\n') {
                    return i;
                }
            }
            return bytes.length;
        }

        @Override
        public void close() throws IOException {
            if (fileOut != null) {
                fileOut.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }
}
