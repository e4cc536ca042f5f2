package dev.podscope.sandbox.containers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A TCP echo service (RFC 862): every byte that arrives goes straight back. */
final class EchoServer implements ContainerServer {
    private static final int BUFFER = 64 * 1024;

    @Override
    public void serve(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }
}
