package dev.podscope.portforward;

import dev.podscope.kube.StreamUpgrades;
import io.kubernetes.client.openapi.ApiClient;
import io.netty.handler.codec.spdy.DefaultSpdyPingFrame;
import io.netty.handler.codec.spdy.DefaultSpdyRstStreamFrame;
import io.netty.handler.codec.spdy.DefaultSpdySynStreamFrame;
import io.netty.handler.codec.spdy.SpdyFrame;
import io.netty.handler.codec.spdy.SpdyGoAwayFrame;
import io.netty.handler.codec.spdy.SpdyPingFrame;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdyStreamFrame;
import io.netty.handler.codec.spdy.SpdyStreamStatus;
import io.netty.handler.codec.spdy.SpdySynReplyFrame;
import io.netty.util.ReferenceCountUtil;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Okio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One pod's port-forward session as kubectl holds it: an HTTP connection upgraded to SPDY/3.1 that carries every
 * forwarded connection to that pod as a pair of streams, so a new connection costs one round trip, not a TLS
 * handshake. One reader thread hands DATA payloads to each tunnel's bounded queue; a full queue stops the reader
 * (back-pressure, shared by the session's connections as with kubectl). Like kubectl's spdystream, it neither sends
 * nor waits for WINDOW_UPDATE: the TCP connection's own flow control paces both sides.
 */
final class SpdySession {
    private static final int MAX_DATA_FRAME = 64 * 1024;
    /** How long a session without connections stays open for the next one. */
    private static final long IDLE_SECONDS = 30;

    private final String pod;
    private final okio.Socket socket;
    private final SpdyWire wire;
    private final Consumer<SpdySession> onEnd;
    private final Object writeLock = new Object();
    private final Map<Integer, SpdyTunnel> streams = new ConcurrentHashMap<>();
    private int nextStreamId = 1;
    private long nextRequestId;
    private volatile IOException broken;
    private volatile boolean goingAway;
    private volatile long idleSince = System.nanoTime();

    private SpdySession(String pod, okio.Socket socket, Consumer<SpdySession> onEnd) {
        this.pod = pod;
        this.socket = socket;
        this.onEnd = onEnd;
        this.wire = new SpdyWire(Okio.buffer(socket.getSource()), Okio.buffer(socket.getSink()));
    }

    /**
     * Upgrades a POST of the pod's portforward subresource to SPDY/3.1, as kubectl's fallback does. Returns null
     * when the server answers, but not with the upgrade (it may only speak WebSocket); a refusal (401, 403, 404, a pod
     * that is not running) is a PortForwardException.
     */
    static SpdySession connect(OkHttpClient http, ApiClient client, String namespace, String pod, String target,
                               Consumer<SpdySession> onEnd) throws IOException {
        String path = "/api/v1/namespaces/" + client.escapeString(namespace) + "/pods/" + client.escapeString(pod)
                + "/portforward";
        Request request = StreamUpgrades.upgradeRequest(client, path, "SPDY/3.1", "portforward.k8s.io");
        Response response;
        try {
            response = http.newCall(request).execute();
        } catch (IOException e) {
            throw new PortForwardException("Cannot port-forward to " + target + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), 0, e);
        }
        if (response.code() == 101 && response.socket() != null
                && "SPDY/3.1".equalsIgnoreCase(response.header("Upgrade"))) {
            SpdySession session = new SpdySession(namespace + "/" + pod, response.socket(), onEnd);
            Thread.ofVirtual().name("podscope-spdy-reader-" + pod).start(session::readLoop);
            return session;
        }
        try (response) {
            int code = response.code();
            if (code == 400 || code == 401 || code == 403 || code == 404) {
                throw PodTunnels.refused(target, code, StreamUpgrades.refusal(response), null);
            }
            return null;
        }
    }

    /** Whether new connections may use this session. */
    boolean usable() {
        return broken == null && !goingAway;
    }

    private void closeIfIdle() {
        synchronized (writeLock) {
            if (streams.isEmpty() && System.nanoTime() - idleSince >= TimeUnit.SECONDS.toNanos(IDLE_SECONDS)) {
                close();
            }
        }
    }

    /** Opens a connection to {@code port}: both streams created and confirmed by the server. */
    PodTunnel open(int port, String target, long timeoutMillis) throws IOException {
        SpdyTunnel tunnel;
        synchronized (writeLock) {
            checkUsable(target);
            int errorId = nextStreamId;
            int dataId = nextStreamId + 2;
            nextStreamId += 4;
            // stream ids are 31 bits: a session that used up half of them takes no new connections
            goingAway |= nextStreamId > 1 << 30;
            String requestId = Long.toString(nextRequestId++);
            tunnel = new SpdyTunnel(this, target, errorId, dataId);
            streams.put(errorId, tunnel);
            streams.put(dataId, tunnel);
            try {
                // the client never writes on the error stream, so it is half-closed from the start, as kubectl does
                wire.writeControl(synStream(errorId, "error", port, requestId, true));
                wire.writeControl(synStream(dataId, "data", port, requestId, false));
                wire.flush();
            } catch (IOException | RuntimeException e) {
                throw fail(e);
            }
        }
        try {
            tunnel.ready().get(timeoutMillis, TimeUnit.MILLISECONDS);
            return tunnel;
        } catch (ExecutionException e) {
            tunnel.close();
            throw e.getCause() instanceof IOException io ? io : new PortForwardException(e.getCause().toString());
        } catch (TimeoutException e) {
            tunnel.close();
            throw new PortForwardException("The API server did not open the port-forward to " + target + " within "
                    + timeoutMillis / 1000 + " s");
        } catch (InterruptedException e) {
            tunnel.close();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while opening the port-forward to " + target);
        }
    }

    private static SpdyFrame synStream(int id, String type, int port, String requestId, boolean last) {
        DefaultSpdySynStreamFrame syn = new DefaultSpdySynStreamFrame(id, 0, (byte) 0, last);
        syn.headers().set("streamtype", type).set("port", Integer.toString(port)).set("requestid", requestId);
        return syn;
    }

    private void checkUsable(String target) throws IOException {
        if (broken != null) {
            throw broken;
        }
        if (goingAway) {
            throw new PortForwardException("The API server ended the port-forward session to " + target);
        }
    }

    /** Writes {@code bytes} to a stream as DATA frames; {@code fin} half-closes it. Blocks while the socket does. */
    void send(int streamId, byte[] bytes, int offset, int length, boolean fin) throws IOException {
        synchronized (writeLock) {
            if (broken != null) {
                throw broken;
            }
            try {
                do {
                    int n = Math.min(length, MAX_DATA_FRAME);
                    wire.writeData(streamId, fin && n == length ? SpdyWire.FLAG_FIN : 0, bytes, offset, n);
                    offset += n;
                    length -= n;
                } while (length > 0);
                wire.flush();
            } catch (IOException | RuntimeException e) {
                throw fail(e);
            }
        }
    }

    /** A tunnel is done: its streams are forgotten and, unless both sides had finished, reset. */
    void release(SpdyTunnel tunnel, boolean reset) {
        streams.remove(tunnel.errorStream());
        streams.remove(tunnel.dataStream());
        if (streams.isEmpty()) {
            idleSince = System.nanoTime();
            CompletableFuture.delayedExecutor(IDLE_SECONDS, TimeUnit.SECONDS).execute(this::closeIfIdle);
        }
        if (reset && broken == null) {
            // on a thread of its own: the writer may be blocked behind a slow pod, and closing must not wait for it
            Thread.ofVirtual().name("podscope-spdy-reset").start(() -> reset(tunnel));
        }
    }

    private void reset(SpdyTunnel tunnel) {
        synchronized (writeLock) {
            if (broken != null) {
                return;
            }
            try {
                wire.writeControl(new DefaultSpdyRstStreamFrame(tunnel.dataStream(), SpdyStreamStatus.CANCEL));
                wire.writeControl(new DefaultSpdyRstStreamFrame(tunnel.errorStream(), SpdyStreamStatus.CANCEL));
                wire.flush();
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }
    }

    private void readLoop() {
        try {
            while (true) {
                SpdyWire.Frame frame = wire.read();
                if (frame.control() == null) {
                    SpdyTunnel tunnel = streams.get(frame.streamId());
                    if (tunnel != null) {
                        tunnel.data(frame.streamId(), frame.data(), frame.fin());
                    }
                } else {
                    try {
                        control(frame.control());
                    } finally {
                        ReferenceCountUtil.release(frame.control());
                    }
                }
            }
        } catch (EOFException e) {
            fail(new PortForwardException("The API server closed the port-forward session to pod " + pod));
        } catch (IOException | RuntimeException e) {
            fail(e);
        } catch (InterruptedException e) {
            fail(new InterruptedIOException("interrupted"));
        } finally {
            synchronized (writeLock) {
                wire.close();
            }
        }
    }

    private void control(SpdyFrame frame) throws IOException, InterruptedException {
        switch (frame) {
            case SpdySynReplyFrame reply -> {
                SpdyTunnel tunnel = streams.get(reply.streamId());
                if (tunnel != null) {
                    tunnel.replied();
                    if (reply.isLast()) {
                        tunnel.data(reply.streamId(), new byte[0], true);
                    }
                }
            }
            case SpdyRstStreamFrame rst -> {
                SpdyTunnel tunnel = streams.get(rst.streamId());
                if (tunnel != null) {
                    tunnel.broken(new PortForwardException("The API server reset the port-forward stream to pod "
                            + pod + ": " + rst.status()));
                }
            }
            case SpdyPingFrame ping -> {
                // a ping from the server (even id) is answered on a thread of its own: the writer may be blocked
                if ((ping.id() & 1) == 0) {
                    Thread.ofVirtual().start(() -> pong(ping.id()));
                }
            }
            case SpdyGoAwayFrame goAway -> goingAway = true;
            case SpdyStreamFrame other when other.isLast() -> {
                SpdyTunnel tunnel = streams.get(other.streamId());
                if (tunnel != null) {
                    tunnel.data(other.streamId(), new byte[0], true);
                }
            }
            default -> {
                // SETTINGS, WINDOW_UPDATE (this side does not keep windows, as spdystream), HEADERS: nothing to do
            }
        }
    }

    private void pong(int id) {
        synchronized (writeLock) {
            try {
                wire.writeControl(new DefaultSpdyPingFrame(id));
                wire.flush();
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }
    }

    /** The session is broken: every tunnel on it fails with the same error; returns that error. */
    private IOException fail(Throwable cause) {
        IOException error;
        synchronized (this) {
            if (broken == null) {
                broken = cause instanceof PortForwardException pfe ? pfe : new PortForwardException(
                        "The port-forward session to pod " + pod + " broke: " + (cause.getMessage() == null
                                ? cause.getClass().getSimpleName() : cause.getMessage()), 0, cause);
                socket.cancel();
                streams.values().forEach(t -> t.broken(broken));
                onEnd.accept(this);
            }
            error = broken;
        }
        return error;
    }

    /** Ends the session and every tunnel on it. */
    void close() {
        // the reader then fails on the cancelled socket and releases the codec
        fail(new PortForwardException("The port-forward session to pod " + pod + " is closed"));
    }
}
