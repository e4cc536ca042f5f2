package dev.podscope.sandbox.logs;

import java.io.IOException;
import java.io.OutputStream;

/** The answer to one accepted log request, written as the body of the reply. */
public interface LogReply {
    /** Writes the log to {@code out}; when following, returns only once the stream is over. */
    void writeTo(OutputStream out) throws IOException;
}
