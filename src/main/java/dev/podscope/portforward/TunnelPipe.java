package dev.podscope.portforward;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Copies bytes between one local TCP connection and one pod tunnel, a virtual thread per direction; blocking writes
 * give back-pressure both ways. The channel protocol cannot half-close, and a local client that half-closed looks
 * the same as one that went away; so after the local end of input the pipe still delivers the pod's answer as long
 * as bytes keep coming, and ends the connection once the pod has been quiet for {@link #LINGER} (at once when the
 * pod closes or the client cannot take bytes).
 */
final class TunnelPipe {
    static final Duration LINGER = Duration.ofSeconds(3);
    private static final int BUFFER = 64 * 1024;

    private final Socket local;
    private final PodTunnel tunnel;
    private final LongAdder bytesIn;
    private final LongAdder bytesOut;
    private final Consumer<IOException> podSideFailed;
    private final Consumer<TunnelPipe> done;
    private final AtomicBoolean closing = new AtomicBoolean();
    private Thread downstream;
    private volatile long received;

    TunnelPipe(Socket local, PodTunnel tunnel, LongAdder bytesIn, LongAdder bytesOut,
               Consumer<IOException> podSideFailed, Consumer<TunnelPipe> done) {
        this.local = local;
        this.tunnel = tunnel;
        this.bytesIn = bytesIn;
        this.bytesOut = bytesOut;
        this.podSideFailed = podSideFailed;
        this.done = done;
    }

    void start() {
        downstream = Thread.ofVirtual().name("podscope-forward-in").start(this::fromPod);
        Thread.ofVirtual().name("podscope-forward-out").start(this::toPod);
    }

    /** Ends the connection both ways; idempotent. */
    void close() {
        if (closing.compareAndSet(false, true)) {
            tunnel.close();
            try {
                local.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void fromPod() {
        try {
            InputStream in = tunnel.input();
            OutputStream out = local.getOutputStream();
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                bytesIn.add(n);
                received += n;
            }
        } catch (PortForwardException e) {
            if (!closing.get()) {
                podSideFailed.accept(e);
            }
        } catch (IOException e) {
            // the local client went away
        } finally {
            close();
            done.accept(this);
        }
    }

    private void toPod() {
        try {
            InputStream in = local.getInputStream();
            OutputStream out = tunnel.output();
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                bytesOut.add(n);
            }
            // linger while the pod is still answering; a quiet pod after the client's end means the client is gone
            long seen = -1;
            while (downstream.isAlive() && received != seen) {
                seen = received;
                downstream.join(LINGER);
            }
        } catch (IOException e) {
            // either side closed; fromPod reports pod-side failures
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }
}
