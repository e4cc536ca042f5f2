package dev.podscope.sandbox.streams;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/** One SPDY stream of a port-forward session: an error stream, or a data stream tied to one container connection. */
final class SpdyStream {
    private final SpdyPortForward session;
    private final int id;
    private final boolean data;
    private final SendWindow window;
    private final ForwardedConnection connection = new ForwardedConnection();
    private final AtomicBoolean localFinished = new AtomicBoolean();
    private volatile boolean remoteFinished;

    SpdyStream(SpdyPortForward session, int id, boolean data, SendWindow window) {
        this.session = session;
        this.id = id;
        this.data = data;
        this.window = window;
    }

    int id() {
        return id;
    }

    SendWindow window() {
        return window;
    }

    ForwardedConnection connection() {
        return connection;
    }

    void deliver(byte[] bytes) throws IOException {
        if (!data) {
            return; // nothing is written to an error stream by the client
        }
        try {
            connection.deliver(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while forwarding");
        }
    }

    /** The client half-closed the stream (FIN): the container reads end of stream. */
    void remoteFinished() {
        remoteFinished = true;
        connection.clientDone();
        if (localFinished.get()) {
            session.streamDone(this);
        }
    }

    /** Sends a last message (the error text) and FIN. */
    void sendAndFinish(byte[] message) throws IOException {
        if (localFinished.compareAndSet(false, true)) {
            session.sendFinish(id, message);
            doneIfBothFinished();
        }
    }

    void finish() throws IOException {
        sendAndFinish(new byte[0]);
    }

    void finishQuietly() {
        try {
            finish();
        } catch (IOException sessionGone) {
            // the session is closed; nothing left to tell the client
        }
    }

    void reset() {
        localFinished.set(true);
        window.close();
        connection.abort();
    }

    private void doneIfBothFinished() {
        if (remoteFinished) {
            session.streamDone(this);
        }
    }

    /** The container's answers: DATA frames within the peer's windows. */
    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                while (length > 0) {
                    if (localFinished.get()) {
                        throw new IOException("stream " + id + " is closed");
                    }
                    int sent = session.sendData(SpdyStream.this, bytes, offset, length);
                    offset += sent;
                    length -= sent;
                }
            }
        };
    }
}
