package dev.podscope.sandbox.api;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** Writing API replies: small JSON documents in one piece, large ones and watches as a blocking stream. */
final class Replies {
    static final String JSON = "application/json";
    private static final int STREAM_BUFFER = 64 * 1024;

    private Replies() {
    }

    static void json(Response response, Callback callback, int status, byte[] body) {
        send(response, callback, status, JSON, body);
    }

    static void text(Response response, Callback callback, int status, String body) {
        send(response, callback, status, "text/plain; charset=utf-8", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static void error(Response response, Callback callback, ApiError error) {
        json(response, callback, error.code(), error.statusJson());
    }

    /** Commits a JSON reply of unknown length and returns a buffered, blocking stream over its body. */
    static OutputStream stream(Response response, int status) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        return new BufferedOutputStream(Content.Sink.asOutputStream(response), STREAM_BUFFER);
    }

    private static void send(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
