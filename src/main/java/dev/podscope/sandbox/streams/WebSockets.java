package dev.podscope.sandbox.streams;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;

/** Blocking sends on a Jetty WebSocket session, so that a slow client slows the sender down. */
final class WebSockets {
    private WebSockets() {
    }

    static void send(Session session, ByteBuffer message) throws IOException {
        Callback.Completable done = new Callback.Completable();
        session.sendBinary(message, done);
        try {
            done.get();
        } catch (ExecutionException e) {
            throw new IOException("WebSocket send failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending");
        }
    }

    /** {@code channel} followed by {@code bytes[offset, offset+length)}: the channel protocols' message layout. */
    static ByteBuffer channelMessage(int channel, byte[] bytes, int offset, int length) {
        ByteBuffer message = ByteBuffer.allocate(length + 1);
        message.put((byte) channel).put(bytes, offset, length).flip();
        return message;
    }
}
