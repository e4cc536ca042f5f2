package dev.podscope.sandbox.streams;

import java.io.IOException;
import java.io.InterruptedIOException;

/** A SPDY/3.1 send window: how many data bytes the peer lets us send before its next WINDOW_UPDATE. */
final class SendWindow {
    private long available;
    private boolean closed;

    SendWindow(long initial) {
        this.available = initial;
    }

    /** Takes up to {@code wanted} bytes of window, waiting while none is left. */
    synchronized int take(int wanted) throws IOException {
        while (available <= 0 && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the peer's window");
            }
        }
        if (closed) {
            throw new IOException("stream closed");
        }
        int granted = (int) Math.min(wanted, available);
        available -= granted;
        return granted;
    }

    /** Gives back bytes not used after all (the other window had less room). */
    synchronized void giveBack(int bytes) {
        add(bytes);
    }

    synchronized void add(long delta) {
        available += delta;
        notifyAll();
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
