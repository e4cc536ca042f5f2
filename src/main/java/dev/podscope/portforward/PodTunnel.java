package dev.podscope.portforward;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;

/** One TCP connection to a pod's port through the API server's pods/portforward. */
public interface PodTunnel extends Closeable {
    /** Bytes from the pod; -1 when the pod side closes; a {@link PortForwardException} when the forward failed. */
    InputStream input();

    /**
     * Bytes to the pod; writes block while the far side is slow (back-pressure). Closing it half-closes the
     * connection (the pod's side reads end of stream, answers can still arrive) over SPDY, kubectl's protocol; over
     * the WebSocket channel protocol, the fallback, which has no such signal, it does nothing. {@link #close()} ends
     * the connection.
     */
    OutputStream output();

    /** Closes both directions; idempotent, never throws. */
    @Override
    void close();
}
