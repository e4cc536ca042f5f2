package dev.podscope.sandbox.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes log lines as the kubelet does: each optionally prefixed with its time in RFC 3339 with nine fraction digits
 * (Go's RFC3339NanoFixed) and a space, cut off after {@code limitBytes} even in the middle of a line.
 */
final class LogWriter {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final OutputStream out;
    private final boolean timestamps;
    private long remaining;

    LogWriter(OutputStream out, boolean timestamps, Long limitBytes) {
        this.out = out;
        this.timestamps = timestamps;
        this.remaining = limitBytes == null ? Long.MAX_VALUE : limitBytes;
    }

    /** Writes one line; false once the byte limit is reached and nothing more may be written. */
    boolean write(LogLine line) throws IOException {
        if (remaining <= 0) {
            return false;
        }
        String text = timestamps ? TIMESTAMP.format(line.time()) + " " + line.text() + "\n" : line.text() + "\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int length = (int) Math.min(bytes.length, remaining);
        out.write(bytes, 0, length);
        remaining -= length;
        return remaining > 0;
    }

    void flush() throws IOException {
        out.flush();
    }
}
