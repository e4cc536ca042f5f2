package dev.podscope.sandbox.containers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;

/**
 * A byte source for transfer benchmarks: each request is a decimal count ended by a newline, answered with that many
 * bytes of a fixed pseudo-random pattern (the same for every connection, so a client can check what it got). Unlike
 * the echo service, it sends at full speed without waiting for the client to send anything.
 */
final class BulkServer implements ContainerServer {
    static final int BLOCK = 64 * 1024;
    private static final byte[] PATTERN = pattern();

    /** The bytes a request for {@code count} bytes gets back start with {@code pattern()[0..count % BLOCK]}. */
    static byte[] pattern() {
        byte[] block = new byte[BLOCK];
        new Random(9000).nextBytes(block);
        return block;
    }

    @Override
    public void serve(InputStream in, OutputStream out) throws IOException {
        for (long count = readCount(in); count >= 0; count = readCount(in)) {
            while (count > 0) {
                int n = (int) Math.min(count, BLOCK);
                out.write(PATTERN, 0, n);
                count -= n;
            }
            out.flush();
        }
    }

    /** The next request's count, or -1 when the client closed the connection. */
    private static long readCount(InputStream in) throws IOException {
        long count = 0;
        boolean digits = false;
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                return digits ? count : 0;
            }
            if (b >= '0' && b <= '9' && count < Long.MAX_VALUE / 10) {
                count = count * 10 + (b - '0');
                digits = true;
            }
        }
        return -1;
    }
}
