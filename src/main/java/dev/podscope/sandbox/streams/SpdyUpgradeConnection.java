package dev.podscope.sandbox.streams;

import io.kubernetes.client.openapi.models.V1Pod;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.FutureCallback;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * kubectl's port-forward fallback: after {@code POST} with {@code Upgrade: SPDY/3.1} is answered 101, the HTTP
 * connection carries the SPDY session directly. Jetty hands the connection's end point over to this class.
 */
public final class SpdyUpgradeConnection extends AbstractConnection implements SpdyTransport {
    private static final int READ_BUFFER = 64 * 1024;

    private final SpdyPortForward spdy;
    private final ByteBuffer buffer = BufferUtil.allocate(READ_BUFFER);

    public SpdyUpgradeConnection(EndPoint endPoint, Executor executor, V1Pod pod, PodSessions sessions) {
        super(endPoint, executor);
        this.spdy = new SpdyPortForward(pod, sessions, this);
    }

    @Override
    public void onOpen() {
        super.onOpen();
        fillInterested();
    }

    @Override
    public void onFillable() {
        try {
            while (true) {
                BufferUtil.clear(buffer);
                int n = getEndPoint().fill(buffer);
                if (n > 0) {
                    spdy.receive(buffer);
                } else if (n == 0) {
                    fillInterested();
                    return;
                } else {
                    end();
                    return;
                }
            }
        } catch (IOException e) {
            end();
        }
    }

    @Override
    public void onClose(Throwable cause) {
        spdy.transportClosed();
        super.onClose(cause);
    }

    @Override
    public void write(ByteBuffer bytes) throws IOException {
        FutureCallback done = new FutureCallback();
        getEndPoint().write(done, bytes);
        try {
            done.get();
        } catch (ExecutionException e) {
            throw new IOException("write failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }

    @Override
    public void close(String reason) {
        getEndPoint().close();
    }

    private void end() {
        spdy.transportClosed();
        getEndPoint().close();
    }
}
