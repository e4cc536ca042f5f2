package dev.podscope.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/** Copies a log line by line, each line written whole with a prefix, as kubectl's prefixingWriter does. */
final class PrefixedLines {
    private PrefixedLines() {
    }

    static void copy(InputStream raw, byte[] prefix, PrintStream out, boolean flushEachLine) throws IOException {
        InputStream in = new BufferedInputStream(raw, 64 * 1024);
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        line.write(prefix);
        for (int b = in.read(); b >= 0; b = in.read()) {
            line.write(b);
            if (b == '\n') {
                write(line, out, flushEachLine);
                line.reset();
                line.write(prefix);
            }
        }
        if (line.size() > prefix.length) {
            write(line, out, flushEachLine);
        }
    }

    private static void write(ByteArrayOutputStream line, PrintStream out, boolean flush) throws IOException {
        synchronized (out) {
            line.writeTo(out);
            if (flush) {
                out.flush();
            }
        }
    }
}
