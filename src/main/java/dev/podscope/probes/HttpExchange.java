package dev.podscope.probes;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response: status line, headers, and the first bytes of the body (Content-Length, chunked, or
 * up to the end of the connection), enough to show a user what the probe saw.
 */
final class HttpExchange {
    private final InputStream in;
    private int status;
    private String body = "";

    HttpExchange(InputStream in) {
        this.in = new BufferedInputStream(in);
    }

    int status() {
        return status;
    }

    String body() {
        return body;
    }

    void read() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("malformed HTTP response: " + statusLine);
        }
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("malformed HTTP status: " + statusLine);
        }
        long length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int limit = ProbeResult.OUTPUT_LIMIT;
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0 && out.size() < limit;
                 size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                out.write(in.readNBytes((int) Math.min(size, limit - out.size())));
                if (size > limit) {
                    break;
                }
                line();
            }
        } else if (length >= 0) {
            out.write(in.readNBytes((int) Math.min(length, limit)));
        } else {
            out.write(in.readNBytes(limit));
        }
        body = out.toString(StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                if (line.isEmpty()) {
                    throw new IOException("the connection closed before an HTTP response");
                }
                break;
            }
            if (c != '\r') {
                line.append((char) c);
            }
            if (line.length() > 16 * 1024) {
                throw new IOException("HTTP header line too long");
            }
        }
        return line.toString();
    }
}
