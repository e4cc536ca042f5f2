package dev.podscope.portforward;

import dev.podscope.io.ByteQueue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One forwarded TCP connection as a pair of SPDY streams, as kubectl opens it: an error stream (which the kubelet
 * uses for one message when it cannot connect) and a data stream. The reader sees the end of the data only when
 * the error stream has ended too, so that an error the kubelet reports is never mistaken for a clean end.
 */
final class SpdyTunnel implements PodTunnel {
    private static final int RECEIVE_CAPACITY = 1 << 20;

    private final SpdySession session;
    private final String target;
    private final int errorStream;
    private final int dataStream;
    private final ByteQueue received = new ByteQueue(RECEIVE_CAPACITY);
    private final StringBuilder errorText = new StringBuilder();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Output output = new Output();
    private int replies;
    private boolean errorEnded;
    private boolean dataEnded;
    private volatile boolean localFinished;

    SpdyTunnel(SpdySession session, String target, int errorStream, int dataStream) {
        this.session = session;
        this.target = target;
        this.errorStream = errorStream;
        this.dataStream = dataStream;
    }

    int errorStream() {
        return errorStream;
    }

    int dataStream() {
        return dataStream;
    }

    CompletableFuture<Void> ready() {
        return ready;
    }

    @Override
    public InputStream input() {
        return received;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    /** Ends both streams: a reset unless both directions had already finished cleanly. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            received.close();
            boolean clean;
            synchronized (this) {
                clean = errorEnded && dataEnded && localFinished;
            }
            session.release(this, !clean);
        }
    }

    // --- called by the session's reader thread, in frame order ---

    void replied() {
        if (++replies == 2) {
            ready.complete(null);
        }
    }

    /** Payload for one of this tunnel's streams; blocks while the reader of this connection is behind. */
    void data(int streamId, byte[] bytes, boolean fin) throws InterruptedException {
        if (streamId == errorStream) {
            errorText.append(new String(bytes, StandardCharsets.UTF_8));
        } else if (bytes.length > 0 && !received.put(bytes)) {
            // the reader closed the tunnel: what still arrives for it is dropped
        }
        if (fin) {
            ended(streamId);
        }
    }

    private void ended(int streamId) {
        synchronized (this) {
            if (streamId == errorStream) {
                errorEnded = true;
            } else {
                dataEnded = true;
            }
        }
        if (errorEnded && !errorText.isEmpty()) {
            // the kubelet could not connect, or the connection failed: the reader gets its words, not an end
            broken(new PortForwardException("Port-forward to " + target + " failed: " + errorText.toString().strip()));
        } else if (errorEnded && dataEnded) {
            received.end();
        }
    }

    /** The stream was reset or the session broke: the reader and writers get {@code error}. */
    void broken(IOException error) {
        ready.completeExceptionally(error);
        received.fail(error);
        output.failure = error;
    }

    /** Data to the pod as DATA frames; a blocked socket write is the back-pressure. close() half-closes (FIN). */
    private final class Output extends OutputStream {
        private volatile IOException failure;

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            check();
            session.send(dataStream, bytes, offset, length, false);
        }

        @Override
        public void close() throws IOException {
            if (!localFinished && !closed.get() && failure == null) {
                localFinished = true;
                session.send(dataStream, new byte[0], 0, 0, true);
            }
        }

        private void check() throws IOException {
            if (failure != null) {
                throw failure;
            }
            if (closed.get() || localFinished) {
                throw new PortForwardException("The port-forward to " + target + " is closed");
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("Interrupted while writing to " + target);
            }
        }
    }
}
