package dev.podscope.format;

/**
 * The column alignment of {@code kubectl describe}: Go's {@code text/tabwriter} initialised as
 * {@code Init(buf, 0, 8, 2, ' ', 0)} in describe.go's {@code tabbedString} (no minimum width, two spaces padding).
 */
public final class DescribeAlign {

    private DescribeAlign() {
    }

    /** Aligns text written with '\t' between cells, as if flushed once at the end. */
    public static String align(CharSequence text) {
        return TabWriter.align(text, 0, 2, false);
    }
}
