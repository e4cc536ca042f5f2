package dev.podscope.sandbox.streams;

import io.kubernetes.client.openapi.models.V1Pod;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * kubectl's default port-forward transport since 1.31: a WebSocket with subprotocol
 * {@code SPDY/3.1+portforward.k8s.io} whose binary messages carry the bytes of a SPDY session (framed freely
 * across messages). The next message is read only after the previous one has been handled.
 */
public final class SpdyWebSocket implements Session.Listener, SpdyTransport {
    private final V1Pod pod;
    private final PodSessions sessions;
    private volatile Session session;
    private volatile SpdyPortForward spdy;

    public SpdyWebSocket(V1Pod pod, PodSessions sessions) {
        this.pod = pod;
        this.sessions = sessions;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        this.session = opened;
        this.spdy = new SpdyPortForward(pod, sessions, this);
        opened.demand();
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        try {
            spdy.receive(payload);
            callback.succeed();
            session.demand();
        } catch (IOException | RuntimeException e) {
            callback.fail(e);
            spdy.transportClosed();
            close(e.getMessage());
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        org.slf4j.LoggerFactory.getLogger(SpdyWebSocket.class).debug("port-forward WebSocket closed: {} {}",
                statusCode, reason);
        spdy.transportClosed();
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        org.slf4j.LoggerFactory.getLogger(SpdyWebSocket.class).debug("port-forward WebSocket failed", cause);
        if (spdy != null) {
            spdy.transportClosed();
        }
    }

    @Override
    public void write(ByteBuffer bytes) throws IOException {
        WebSockets.send(session, bytes);
    }

    @Override
    public void close(String reason) {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(StatusCode.NORMAL, reason, Callback.NOOP);
        }
    }
}
