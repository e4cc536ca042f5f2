package dev.podscope.sandbox.containers;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A small HTTP/1.1 server: keep-alive, request bodies by Content-Length, HEAD; what it answers comes from a
 * {@link WebApp}. Enough for browsers, curl, probes and load tests through a port-forward.
 */
final class HttpServer implements ContainerServer {
    private final WebApp app;

    HttpServer(WebApp app) {
        this.app = app;
    }

    @Override
    public void serve(InputStream rawIn, OutputStream rawOut) throws IOException {
        InputStream in = new BufferedInputStream(rawIn, 8192);
        OutputStream out = new BufferedOutputStream(rawOut, 16 * 1024);
        while (true) {
            Optional<HttpRequest> next;
            try {
                next = HttpRequest.read(in);
            } catch (IOException malformed) {
                write(out, WebApp.Reply.text(400, "Bad Request\n"), false, true);
                return;
            }
            if (next.isEmpty()) {
                return;
            }
            HttpRequest request = next.get();
            in.skipNBytes(Math.min(request.contentLength(), Long.MAX_VALUE));
            boolean keepAlive = request.keepAlive();
            write(out, app.answer(request), request.method().equals("HEAD"), !keepAlive);
            if (!keepAlive) {
                return;
            }
        }
    }

    private void write(OutputStream out, WebApp.Reply reply, boolean headOnly, boolean close) throws IOException {
        StringBuilder head = new StringBuilder()
                .append("HTTP/1.1 ").append(reply.status()).append(' ').append(reason(reply.status())).append("\r\n")
                .append("Server: ").append(app.serverHeader()).append("\r\n")
                .append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n")
                .append("Content-Type: ").append(reply.contentType()).append("\r\n")
                .append("Content-Length: ").append(reply.body().length).append("\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!headOnly) {
            out.write(reply.body());
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
