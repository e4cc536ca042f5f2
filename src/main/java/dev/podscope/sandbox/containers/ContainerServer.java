package dev.podscope.sandbox.containers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * What listens on one port of a simulated container. It serves one accepted connection per call, on its own virtual
 * thread, reading until the client closes ({@code in} ends) and writing answers to {@code out}.
 */
@FunctionalInterface
public interface ContainerServer {
    void serve(InputStream in, OutputStream out) throws IOException;
}
