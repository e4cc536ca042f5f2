package dev.podscope.portforward;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the pod side of a fresh tunnel accepted the connection. The channel protocol has no "connected" signal:
 * the kubelet reports a refused connection on the error channel right after the stream opens, so a tunnel that
 * stays quiet for a moment (or sends data) is taken as connected.
 */
public final class TunnelCheck {
    private TunnelCheck() {
    }

    /** Throws the tunnel's PortForwardException when the pod refused or dropped it within {@code wait}. */
    public static void verify(PodTunnel tunnel, Duration wait) throws IOException {
        CompletableFuture<Integer> first = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().name("podscope-tunnel-check").start(() -> {
            try {
                first.complete(tunnel.input().read());
            } catch (IOException e) {
                first.completeExceptionally(e);
            }
        });
        try {
            int read = first.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (read < 0) {
                throw new PortForwardException("The pod closed the forwarded connection at once");
            }
        } catch (TimeoutException quiet) {
            // connected and waiting for the client to speak, as servers do
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while checking a port-forward");
        } finally {
            reader.interrupt();
        }
    }
}
