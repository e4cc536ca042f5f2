package dev.podscope.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Port of the tabwriter kubectl prints tables with ({@code github.com/liggitt/tabwriter}, a fork of Go's
 * {@code text/tabwriter}) configured as kubectl's {@code GetNewTabWriter}: minwidth 6, padding 3, padchar ' ',
 * flag RememberWidths. Cells end at '\t' or '\v'; '\n' and '\f' end lines. A column's width is the widest
 * cell in its block of consecutive lines (in code points) plus the padding; the last cell of a line belongs
 * to no column and is never padded. Escape characters and HTML filtering are off in kubectl, so not ported.
 */
final class TabWriter {

    private static final int MIN_WIDTH = 6;
    private static final int PADDING = 3;

    private record Cell(int size, int width) {
    }

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder buf = new StringBuilder();
    private final List<List<Cell>> lines = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final List<Integer> maxWidths = new ArrayList<>();
    private final int minWidth;
    private final int padding;
    private final boolean rememberWidths;
    private int cellSize;
    private int cellWidth;

    private TabWriter(int minWidth, int padding, boolean rememberWidths) {
        this.minWidth = minWidth;
        this.padding = padding;
        this.rememberWidths = rememberWidths;
        lines.add(new ArrayList<>());
    }

    /** Aligns {@code text} exactly as kubectl's tabwriter would when flushed once at the end. */
    static String align(CharSequence text) {
        return align(text, MIN_WIDTH, PADDING, true);
    }

    /**
     * Aligns {@code text} as Go's standard {@code text/tabwriter} with padchar ' ' and no flags but the given
     * RememberWidths (only the liggitt fork has it); e.g. kubectl describe's {@code Init(buf, 0, 8, 2, ' ', 0)}.
     */
    static String align(CharSequence text, int minWidth, int padding, boolean rememberWidths) {
        TabWriter writer = new TabWriter(minWidth, padding, rememberWidths);
        writer.write(text);
        writer.flush();
        return writer.out.toString();
    }

    private void write(CharSequence text) {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\t' || ch == '\u000B' || ch == '\n' || ch == '\f') {
                append(text, start, i);
                start = i + 1;
                int cellsInLine = terminateCell();
                if (ch == '\n' || ch == '\f') {
                    lines.add(new ArrayList<>());
                    // A line with one cell cannot affect later columns, so Go flushes there too.
                    if (ch == '\f' || cellsInLine == 1) {
                        flush();
                    }
                }
            }
        }
        append(text, start, text.length());
    }

    private void append(CharSequence text, int from, int to) {
        buf.append(text, from, to);
        cellSize += to - from;
        cellWidth += Character.codePointCount(text, from, to);
    }

    private int terminateCell() {
        List<Cell> line = lines.getLast();
        line.add(new Cell(cellSize, cellWidth));
        cellSize = 0;
        cellWidth = 0;
        return line.size();
    }

    private void flush() {
        if (cellSize > 0) {
            terminateCell();
        }
        format(0, 0, lines.size());
        buf.setLength(0);
        lines.clear();
        lines.add(new ArrayList<>());
        widths.clear();
    }

    private int format(int pos0, int line0, int line1) {
        int pos = pos0;
        int column = widths.size();
        for (int current = line0; current < line1; current++) {
            if (column >= lines.get(current).size() - 1) {
                continue;
            }
            // This line has a cell in this column: a column block starts here.
            pos = writeLines(pos, line0, current);
            line0 = current;
            int width = minWidth;
            for (; current < line1; current++) {
                List<Cell> line = lines.get(current);
                if (column >= line.size() - 1) {
                    break;
                }
                width = Math.max(width, line.get(column).width() + padding);
            }
            width = remember(width);
            widths.add(width);
            pos = format(pos, line0, current);
            widths.removeLast();
            line0 = current;
        }
        return writeLines(pos, line0, line1);
    }

    /** RememberWidths: a column never gets narrower than it was in an earlier block. */
    private int remember(int width) {
        if (!rememberWidths) {
            return width;
        }
        int column = widths.size();
        if (maxWidths.size() < column) {
            maxWidths.addAll(widths.subList(maxWidths.size(), column));
        }
        if (maxWidths.size() == column) {
            maxWidths.add(width);
            return width;
        }
        int max = maxWidths.get(column);
        if (max > width) {
            return max;
        }
        maxWidths.set(column, width);
        return width;
    }

    private int writeLines(int pos, int line0, int line1) {
        for (int i = line0; i < line1; i++) {
            List<Cell> line = lines.get(i);
            for (int j = 0; j < line.size(); j++) {
                Cell cell = line.get(j);
                out.append(buf, pos, pos + cell.size());
                pos += cell.size();
                if (j < widths.size()) {
                    out.repeat(' ', widths.get(j) - cell.width());
                }
            }
            if (i + 1 == lines.size()) {
                out.append(buf, pos, pos + cellSize);
                pos += cellSize;
            } else {
                out.append('\n');
            }
        }
        return pos;
    }
}
