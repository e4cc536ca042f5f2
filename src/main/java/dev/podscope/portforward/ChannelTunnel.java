package dev.podscope.portforward;

import dev.podscope.io.ByteQueue;
import dev.podscope.kube.StreamUpgrades;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * One forwarded TCP connection as one WebSocket in the kubelet's channel protocol ({@code v4.channel.k8s.io}):
 * byte 0 of every message is the channel (0 data, 1 error) and the server's first message on each channel is the
 * port as 2 bytes, little-endian. Sending waits while OkHttp's outgoing queue holds more than a small high-water mark
 * (OkHttp would otherwise queue up to 16 MB and then drop the connection); receiving goes through a bounded
 * {@link ByteQueue} whose full state blocks OkHttp's reader thread, which stops reading the socket.
 */
final class ChannelTunnel extends WebSocketListener implements PodTunnel {
    private static final byte DATA = 0;
    private static final byte ERROR = 1;
    private static final int RECEIVE_CAPACITY = 1 << 20;
    private static final long SEND_HIGH_WATER = 1024 * 1024;
    private static final int MAX_MESSAGE = 128 * 1024;

    private final String target;
    private final ByteQueue received = new ByteQueue(RECEIVE_CAPACITY);
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final StringBuilder errorText = new StringBuilder();
    private final Output output = new Output();
    private volatile WebSocket socket;
    private volatile IOException broken;
    private boolean dataPrefixSeen;
    private boolean errorPrefixSeen;

    ChannelTunnel(String target) {
        this.target = target;
    }

    /** Waits until the server has confirmed both channels (or refused). */
    void awaitReady(WebSocket webSocket, long timeoutMillis) throws IOException {
        this.socket = webSocket;
        try {
            ready.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            close();
            throw e.getCause() instanceof IOException io ? io : new PortForwardException(e.getCause().toString());
        } catch (TimeoutException e) {
            close();
            throw new PortForwardException("The API server did not open the port-forward to " + target + " within "
                    + timeoutMillis / 1000 + " s");
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while opening the port-forward to " + target);
        }
    }

    @Override
    public InputStream input() {
        return received;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            received.close();
            WebSocket ws = socket;
            if (ws != null && !ws.close(1000, null)) {
                ws.cancel();
            }
        }
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
        if (bytes.size() == 0) {
            return;
        }
        byte channel = bytes.getByte(0);
        int start = 1;
        if (channel == DATA && !dataPrefixSeen || channel == ERROR && !errorPrefixSeen) {
            start = 3;
            if (channel == DATA) {
                dataPrefixSeen = true;
            } else {
                errorPrefixSeen = true;
            }
            if (dataPrefixSeen && errorPrefixSeen) {
                ready.complete(null);
            }
        }
        if (bytes.size() <= start) {
            return;
        }
        if (channel == DATA) {
            try {
                if (!received.put(bytes.substring(start).toByteArray())) {
                    close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                webSocket.cancel();
            }
        } else if (channel == ERROR) {
            errorText.append(bytes.substring(start).string(StandardCharsets.UTF_8));
            breakWith(new PortForwardException("Port-forward to " + target + " failed: " + errorText.toString().strip()));
        }
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        onMessage(webSocket, ByteString.encodeUtf8(text));
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(1000, null);
        finish();
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        finish();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        PortForwardException error;
        if (response != null && response.code() != 101) {
            error = PodTunnels.refused(target, StreamUpgrades.code(response), StreamUpgrades.refusal(response), t);
        } else if (closed.get()) {
            error = new PortForwardException("The port-forward to " + target + " is closed");
        } else {
            error = new PortForwardException("The port-forward to " + target + " broke: "
                    + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()), 0, t);
        }
        breakWith(error);
    }

    private void finish() {
        if (!ready.isDone()) {
            breakWith(new PortForwardException("The API server closed the port-forward to " + target
                    + " before it was ready"));
        }
        received.end();
    }

    private void breakWith(IOException error) {
        if (broken == null) {
            broken = error;
        }
        ready.completeExceptionally(error);
        received.fail(error);
        WebSocket ws = socket;
        if (ws != null) {
            ws.close(1000, null);
        }
    }

    /** Data to the pod, cut into messages, waiting while the outgoing queue is above its high-water mark. */
    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int n = Math.min(length, MAX_MESSAGE);
                byte[] message = new byte[n + 1];
                message[0] = DATA;
                System.arraycopy(bytes, offset, message, 1, n);
                send(ByteString.of(message));
                offset += n;
                length -= n;
            }
        }

        private void send(ByteString message) throws IOException {
            WebSocket ws = socket;
            if (broken != null) {
                throw broken;
            }
            if (closed.get() || ws == null || !ws.send(message)) {
                throw new PortForwardException("The port-forward to " + target + " is closed");
            }
            long pause = 20_000;
            while (ws.queueSize() > SEND_HIGH_WATER) {
                if (broken != null) {
                    throw broken;
                }
                if (closed.get()) {
                    throw new PortForwardException("The port-forward to " + target + " is closed");
                }
                // OkHttp has no callback when its queue drains, so wait in short, growing naps.
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, 1_000_000);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while writing to " + target);
                }
            }
        }

        @Override
        public void close() {
            // The channel protocol has no half-close; the connection ends when the tunnel is closed.
        }
    }
}
