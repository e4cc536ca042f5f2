package dev.podscope.sandbox.streams;

import dev.podscope.io.ByteQueue;
import dev.podscope.sandbox.containers.ContainerServer;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One TCP connection from a port-forward stream to a container's server: bytes from the client are queued (bounded,
 * so a slow server holds the stream's reader back) and the server runs on its own virtual thread, writing its answers
 * to the stream's output.
 */
final class ForwardedConnection {
    private static final int QUEUE_BYTES = 256 * 1024;

    private final ByteQueue toContainer = new ByteQueue(QUEUE_BYTES);
    private volatile Thread thread;

    /** Starts serving; {@code whenDone} runs once the server has closed the connection. */
    void start(ContainerServer server, OutputStream toClient, Runnable whenDone) {
        thread = Thread.ofVirtual().name("sandbox-container-connection").start(() -> {
            try {
                server.serve(toContainer, toClient);
            } catch (IOException | RuntimeException e) {
                // the client went away or the connection was aborted: the server simply stops
            } finally {
                toContainer.close();
                whenDone.run();
            }
        });
    }

    /** Hands client bytes to the server, waiting while its queue is full; false once the server stopped reading. */
    boolean deliver(byte[] bytes) throws InterruptedException {
        return toContainer.put(bytes);
    }

    /** The client will send no more (half-close): the server reads end of stream after what is queued. */
    void clientDone() {
        toContainer.end();
    }

    /** The connection is cut (pod gone, stream reset): the server's reads fail and blocked writes are interrupted. */
    void abort() {
        toContainer.fail(new IOException("connection reset by peer"));
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
