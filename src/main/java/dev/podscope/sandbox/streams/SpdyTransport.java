package dev.podscope.sandbox.streams;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Where a SPDY session's bytes go: WebSocket binary messages, or the raw connection after an HTTP upgrade. */
interface SpdyTransport {
    /** Sends {@code bytes}, blocking while the peer is slow to read. */
    void write(ByteBuffer bytes) throws IOException;

    /** Ends the connection; the session hears of it through {@link SpdyPortForward#transportClosed()}. */
    void close(String reason);
}
