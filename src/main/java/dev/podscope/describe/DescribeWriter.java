package dev.podscope.describe;

import dev.podscope.format.DescribeAlign;

/**
 * kubectl describe's PrefixWriter: each level indents two spaces; cells are separated by '\t' and aligned when the
 * text is flushed, as describe.go does through a tabwriter. {@link #flush()} ends an alignment block, as
 * {@code w.Flush()} before the Events section does.
 */
final class DescribeWriter {

    private final StringBuilder done = new StringBuilder();
    private final StringBuilder pending = new StringBuilder();

    /** Writes {@code text} at {@code level}, i.e. after 2×level spaces. */
    DescribeWriter write(int level, String text) {
        pending.repeat("  ", level).append(text);
        return this;
    }

    /** fmt.Sprintln of one string: the text and a newline. */
    DescribeWriter writeLine(String text) {
        pending.append(text).append('\n');
        return this;
    }

    void flush() {
        done.append(DescribeAlign.align(pending));
        pending.setLength(0);
    }

    String text() {
        flush();
        return done.toString();
    }
}
