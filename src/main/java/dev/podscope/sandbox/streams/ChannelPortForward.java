package dev.podscope.sandbox.streams;

import dev.podscope.sandbox.containers.ContainerPorts;
import dev.podscope.sandbox.containers.ContainerServer;
import io.kubernetes.client.openapi.models.V1Pod;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * pods/portforward in the kubelet's WebSocket channel protocol ({@code v4.channel.k8s.io}, {@code portforward.k8s.io}),
 * which the official Java client speaks: one connection per requested port; for port i, channel 2i carries data and
 * 2i+1 errors, and the server's first message on each channel is the port, 2 bytes little-endian. Reading is demand
 * driven: the next message is read only when the previous one has been handed to the container.
 */
public final class ChannelPortForward implements Session.Listener, PodSessions.Session {
    private static final int MAX_MESSAGE = 128 * 1024;

    private final V1Pod pod;
    private final List<Integer> ports;
    private final PodSessions sessions;
    private final ForwardedConnection[] connections;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Session session;

    public ChannelPortForward(V1Pod pod, List<Integer> ports, PodSessions sessions) {
        this.pod = pod;
        this.ports = List.copyOf(ports);
        this.sessions = sessions;
        this.connections = new ForwardedConnection[ports.size()];
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        this.session = opened;
        sessions.add(pod, this);
        running.set(ports.size());
        try {
            for (int i = 0; i < ports.size(); i++) {
                byte[] port = {(byte) (ports.get(i) & 0xff), (byte) (ports.get(i) >> 8 & 0xff)};
                WebSockets.send(opened, WebSockets.channelMessage(2 * i, port, 0, 2));
                WebSockets.send(opened, WebSockets.channelMessage(2 * i + 1, port, 0, 2));
            }
            for (int i = 0; i < ports.size(); i++) {
                connect(i);
            }
        } catch (IOException e) {
            end(StatusCode.NORMAL, null);
            return;
        }
        opened.demand();
    }

    private void connect(int index) throws IOException {
        int port = ports.get(index);
        Optional<ContainerServer> server = ContainerPorts.server(pod, port);
        connections[index] = new ForwardedConnection();
        if (server.isPresent()) {
            connections[index].start(server.get(), new ChannelOutput(2 * index), this::connectionDone);
        } else {
            byte[] error = ContainerPorts.refusal(pod, port).getBytes(StandardCharsets.UTF_8);
            WebSockets.send(session, WebSockets.channelMessage(2 * index + 1, error, 0, error.length));
            connectionDone();
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        int channel = payload.hasRemaining() ? payload.get() & 0xff : -1;
        byte[] data = new byte[payload.remaining()];
        payload.get(data);
        callback.succeed();
        int index = channel / 2;
        if (channel >= 0 && channel % 2 == 0 && index < connections.length && data.length > 0) {
            try {
                connections[index].deliver(data);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                end(StatusCode.SHUTDOWN, "interrupted");
                return;
            }
        }
        session.demand();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        cleanUp();
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        cleanUp();
    }

    @Override
    public void podGone(String reason) {
        end(StatusCode.NORMAL, reason);
    }

    private void connectionDone() {
        if (running.decrementAndGet() == 0) {
            end(StatusCode.NORMAL, null);
        }
    }

    private void end(int code, String reason) {
        cleanUp();
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(code, reason, Callback.NOOP);
        }
    }

    private void cleanUp() {
        if (ended.compareAndSet(false, true)) {
            sessions.remove(this);
            for (ForwardedConnection connection : connections) {
                if (connection != null) {
                    connection.abort();
                }
            }
        }
    }

    /** The container's answers on one data channel, cut into messages and sent one at a time. */
    private final class ChannelOutput extends OutputStream {
        private final int channel;

        ChannelOutput(int channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (ended.get()) {
                    throw new InterruptedIOException("the port-forward ended");
                }
                int n = Math.min(length, MAX_MESSAGE);
                WebSockets.send(session, WebSockets.channelMessage(channel, bytes, offset, n));
                offset += n;
                length -= n;
            }
        }
    }
}
