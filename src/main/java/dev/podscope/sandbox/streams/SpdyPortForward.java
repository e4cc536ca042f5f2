package dev.podscope.sandbox.streams;

import dev.podscope.sandbox.containers.ContainerPorts;
import dev.podscope.sandbox.containers.ContainerServer;
import io.kubernetes.client.openapi.models.V1Pod;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.spdy.DefaultSpdyDataFrame;
import io.netty.handler.codec.spdy.DefaultSpdyPingFrame;
import io.netty.handler.codec.spdy.DefaultSpdySynReplyFrame;
import io.netty.handler.codec.spdy.DefaultSpdyWindowUpdateFrame;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyFrame;
import io.netty.handler.codec.spdy.SpdyFrameCodec;
import io.netty.handler.codec.spdy.SpdyPingFrame;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdySettingsFrame;
import io.netty.handler.codec.spdy.SpdySynStreamFrame;
import io.netty.handler.codec.spdy.SpdyVersion;
import io.netty.handler.codec.spdy.SpdyWindowUpdateFrame;
import io.netty.util.ReferenceCountUtil;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * pods/portforward as the kubelet serves kubectl: a SPDY/3.1 session (server side) whose client opens, per TCP
 * connection, an {@code error} and a {@code data} stream with {@code port} and {@code requestID} headers. Netty's
 * SPDY codec does the framing and header compression, driven over bytes in two {@link EmbeddedChannel}s (one per
 * direction, each with its own compression context). Every stream is answered with SYN_REPLY; a refused port gets
 * the kubelet's message on its error stream. Flow control: received data is acknowledged with WINDOW_UPDATE once the
 * container's bounded queue took it (so a slow container holds the reader back), and sending respects the peer's
 * windows as soon as the peer shows it keeps them (kubectl's spdystream never sends WINDOW_UPDATE and relies on the
 * transport's own back-pressure, as the kubelet does with it).
 */
final class SpdyPortForward implements PodSessions.Session {
    private static final Logger LOG = LoggerFactory.getLogger(SpdyPortForward.class);
    private static final SpdyVersion VERSION = SpdyVersion.SPDY_3_1;
    private static final int MAX_DATA_FRAME = 32 * 1024;
    private static final int DEFAULT_WINDOW = 64 * 1024;

    private final V1Pod pod;
    private final PodSessions sessions;
    private final SpdyTransport transport;
    private final EmbeddedChannel decoder = new EmbeddedChannel(codec());
    private final EmbeddedChannel encoder = new EmbeddedChannel(codec());
    private final Object writeLock = new Object();
    private final Map<Integer, SpdyStream> streams = new ConcurrentHashMap<>();
    private final Map<String, SpdyStream[]> pairs = new HashMap<>();
    private final SendWindow sessionWindow = new SendWindow(DEFAULT_WINDOW);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean peerFlowControl;
    private int initialWindow = DEFAULT_WINDOW;

    SpdyPortForward(V1Pod pod, PodSessions sessions, SpdyTransport transport) {
        this.pod = pod;
        this.sessions = sessions;
        this.transport = transport;
        sessions.add(pod, this);
    }

    private static SpdyFrameCodec codec() {
        return new SpdyFrameCodec(VERSION, 64 * 1024, 16 * 1024, 6, 15, 8);
    }

    /** Bytes from the client, in order; runs on the transport's reader and blocks while a container is slow. */
    void receive(ByteBuffer bytes) throws IOException {
        if (closed.get()) {
            return;
        }
        try {
            decoder.writeInbound(Unpooled.copiedBuffer(bytes));
        } catch (RuntimeException protocolError) {
            fail("SPDY protocol error: " + protocolError.getMessage());
            return;
        }
        for (Object frame = decoder.readInbound(); frame != null; frame = decoder.readInbound()) {
            try {
                handle((SpdyFrame) frame);
            } finally {
                ReferenceCountUtil.release(frame);
            }
        }
    }

    private void handle(SpdyFrame frame) throws IOException {
        LOG.debug("port-forward to {}: received {}", pod.getMetadata().getName(), frame);
        switch (frame) {
            case SpdySynStreamFrame syn -> open(syn);
            case SpdyDataFrame data -> data(data);
            case SpdyRstStreamFrame rst -> {
                SpdyStream stream = streams.remove(rst.streamId());
                if (stream != null) {
                    stream.reset();
                }
            }
            case SpdyPingFrame ping -> {
                if ((ping.id() & 1) == 1) {
                    write(new DefaultSpdyPingFrame(ping.id()));
                }
            }
            case SpdyWindowUpdateFrame update -> windowUpdate(update);
            case SpdySettingsFrame settings -> settings(settings);
            default -> {
                // GOAWAY: the client opens no more streams and closes the transport when done; HEADERS carry nothing
            }
        }
    }

    private void open(SpdySynStreamFrame syn) throws IOException {
        int id = syn.streamId();
        String type = syn.headers().getAsString("streamtype");
        String port = syn.headers().getAsString("port");
        String requestId = syn.headers().getAsString("requestid");
        if (requestId == null || requestId.isEmpty()) {
            // clients before Kubernetes 1.6 sent no requestID; the kubelet pairs their streams by id
            requestId = Integer.toString("data".equals(type) ? id - 2 : id);
        }
        SpdyStream stream = new SpdyStream(this, id, "data".equals(type), new SendWindow(initialWindow));
        streams.put(id, stream);
        // Netty encodes an empty header block as no bytes at all, which Go's SPDY framer cannot inflate; the
        // stream's own type is a harmless header to send back (spdystream hands reply headers to no one)
        DefaultSpdySynReplyFrame reply = new DefaultSpdySynReplyFrame(id);
        reply.headers().set("streamtype", type == null ? "data" : type);
        write(reply);
        if (syn.isLast()) {
            stream.remoteFinished();
        }
        SpdyStream[] pair = pairs.computeIfAbsent(requestId, k -> new SpdyStream[2]);
        pair["data".equals(type) ? 1 : 0] = stream;
        if (pair[0] != null && pair[1] != null) {
            pairs.remove(requestId);
            forward(pair[0], pair[1], port);
        }
    }

    private void forward(SpdyStream error, SpdyStream data, String portHeader) throws IOException {
        int port;
        try {
            port = Integer.parseInt(portHeader);
        } catch (NumberFormatException e) {
            error.sendAndFinish(("invalid port " + portHeader).getBytes(StandardCharsets.UTF_8));
            data.finish();
            return;
        }
        Optional<ContainerServer> server = ContainerPorts.server(pod, port);
        if (server.isEmpty()) {
            error.sendAndFinish(ContainerPorts.refusal(pod, port).getBytes(StandardCharsets.UTF_8));
            data.finish();
            return;
        }
        data.connection().start(server.get(), data.output(), () -> {
            data.finishQuietly();
            error.finishQuietly();
        });
    }

    private void data(SpdyDataFrame frame) throws IOException {
        SpdyStream stream = streams.get(frame.streamId());
        ByteBuf content = frame.content();
        int length = content.readableBytes();
        if (stream != null && length > 0) {
            byte[] bytes = new byte[length];
            content.readBytes(bytes);
            stream.deliver(bytes);
        }
        if (length > 0 && !closed.get()) {
            SpdyFrame session = new DefaultSpdyWindowUpdateFrame(0, length);
            if (stream != null) {
                write(new DefaultSpdyWindowUpdateFrame(frame.streamId(), length), session);
            } else {
                write(session);
            }
        }
        if (stream != null && frame.isLast()) {
            stream.remoteFinished();
        }
    }

    private void windowUpdate(SpdyWindowUpdateFrame update) {
        peerFlowControl = true;
        if (update.streamId() == 0) {
            sessionWindow.add(update.deltaWindowSize());
        } else {
            SpdyStream stream = streams.get(update.streamId());
            if (stream != null) {
                stream.window().add(update.deltaWindowSize());
            }
        }
    }

    private void settings(SpdySettingsFrame settings) {
        if (settings.isSet(SpdySettingsFrame.SETTINGS_INITIAL_WINDOW_SIZE)) {
            peerFlowControl = true;
            int size = settings.getValue(SpdySettingsFrame.SETTINGS_INITIAL_WINDOW_SIZE);
            int delta = size - initialWindow;
            initialWindow = size;
            streams.values().forEach(s -> s.window().add(delta));
        }
    }

    /** Sends up to one frame's worth of {@code bytes} on a stream, within the peer's windows; returns how many. */
    int sendData(SpdyStream stream, byte[] bytes, int offset, int length) throws IOException {
        int n = Math.min(length, MAX_DATA_FRAME);
        if (peerFlowControl) {
            int fromStream = stream.window().take(n);
            int fromSession = sessionWindow.take(fromStream);
            stream.window().giveBack(fromStream - fromSession);
            n = fromSession;
        }
        write(new DefaultSpdyDataFrame(stream.id(), Unpooled.wrappedBuffer(bytes, offset, n)));
        return n;
    }

    void sendFinish(int streamId, byte[] last) throws IOException {
        write(new DefaultSpdyDataFrame(streamId, Unpooled.wrappedBuffer(last)).setLast(true));
    }

    void streamDone(SpdyStream stream) {
        streams.remove(stream.id(), stream);
    }

    /** Encodes {@code frames} and sends them in one transport write (one WebSocket message). */
    private void write(SpdyFrame... frames) throws IOException {
        synchronized (writeLock) {
            if (closed.get()) {
                for (SpdyFrame frame : frames) {
                    ReferenceCountUtil.release(frame);
                }
                throw new IOException("the port-forward session is closed");
            }
            encoder.writeOutbound((Object[]) frames);
            int size = 0;
            java.util.List<ByteBuf> parts = new java.util.ArrayList<>(2);
            for (ByteBuf buf = encoder.readOutbound(); buf != null; buf = encoder.readOutbound()) {
                parts.add(buf);
                size += buf.readableBytes();
            }
            byte[] bytes = new byte[size];
            int position = 0;
            for (ByteBuf part : parts) {
                int n = part.readableBytes();
                part.readBytes(bytes, position, n);
                position += n;
                part.release();
            }
            transport.write(ByteBuffer.wrap(bytes));
        }
    }

    /** The transport ended (client closed it, or it broke): every connection of this session is cut. */
    void transportClosed() {
        if (closed.compareAndSet(false, true)) {
            sessions.remove(this);
            sessionWindow.close();
            streams.values().forEach(SpdyStream::reset);
            streams.clear();
            synchronized (writeLock) {
                decoder.finishAndReleaseAll();
                encoder.finishAndReleaseAll();
            }
        }
    }

    @Override
    public void podGone(String reason) {
        fail(reason);
    }

    private void fail(String reason) {
        LOG.debug("port-forward to {} ends: {}", pod.getMetadata().getName(), reason);
        transportClosed();
        transport.close(reason);
    }
}
