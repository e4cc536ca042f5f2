package dev.podscope.format;

import java.util.List;
import java.util.Locale;

/**
 * Renders Table rows the way kubectl's human-readable printer does ({@code cli-runtime/pkg/printers/tableprinter.go}
 * feeding {@link TabWriter}): upper-cased headers, priority-1 columns only when wide, an optional NAMESPACE
 * column first, string cells cut at the first line break with {@code ...} appended, ESC shown as {@code ^[}.
 * No rows give an empty string: kubectl prints no header then.
 */
public final class TextTable {

    private TextTable() {
    }

    /**
     * Aligns tab-separated text as kubectl's tabwriter does, for printers that write their own cells (kubectl top
     * ends every cell, the last one too, with a tab).
     */
    public static String align(CharSequence tabbed) {
        return TabWriter.align(tabbed);
    }

    /**
     * @param namespaces {@code null} for no NAMESPACE column ({@code kubectl get} without {@code -A}),
     *                   otherwise the namespace of each row
     */
    public static String render(List<ColumnDefinition> columns, List<? extends List<?>> rows, List<String> namespaces,
                                boolean wide) {
        if (rows.isEmpty()) {
            return "";
        }
        if (namespaces != null && namespaces.size() != rows.size()) {
            throw new IllegalArgumentException(namespaces.size() + " namespaces for " + rows.size() + " rows");
        }
        StringBuilder text = new StringBuilder(rows.size() * 16 * (columns.size() + 1));
        boolean first = true;
        if (namespaces != null) {
            text.append("NAMESPACE");
            first = false;
        }
        for (ColumnDefinition column : columns) {
            if (wide || !column.isWide()) {
                if (!first) {
                    text.append('\t');
                }
                first = false;
                text.append(column.name().toUpperCase(Locale.ROOT));
            }
        }
        text.append('\n');
        for (int r = 0; r < rows.size(); r++) {
            appendRow(text, columns, rows.get(r), namespaces == null ? null : namespaces.get(r), wide);
        }
        return TabWriter.align(text);
    }

    private static void appendRow(StringBuilder text, List<ColumnDefinition> columns, List<?> cells, String namespace,
                                  boolean wide) {
        boolean first = true;
        if (namespace != null) {
            appendCell(text, namespace);
            first = false;
        }
        // More cells than columns is a server bug that kubectl tolerates by ignoring the extra cells.
        int count = Math.min(cells.size(), columns.size());
        for (int i = 0; i < count; i++) {
            if (!wide && columns.get(i).isWide()) {
                continue;
            }
            if (!first) {
                text.append('\t');
            }
            first = false;
            appendCell(text, cells.get(i));
        }
        text.append('\n');
    }

    private static void appendCell(StringBuilder text, Object cell) {
        if (cell == null) {
            return;
        }
        if (!(cell instanceof String value)) {
            // Integers and booleans print as Go's fmt.Sprint prints them; kubectl does not cut these at line breaks.
            String printed = String.valueOf(cell);
            appendEscaped(text, printed, printed.length());
            return;
        }
        int lineBreak = indexOfLineBreak(value);
        if (lineBreak < 0) {
            appendEscaped(text, value, value.length());
        } else {
            appendEscaped(text, value, lineBreak);
            text.append("...");
        }
    }

    private static int indexOfLineBreak(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '\f') {
                return i;
            }
        }
        return -1;
    }

    /** Terminal escape sequences in cluster data must not reach the user's terminal (kubernetes#101695). */
    private static void appendEscaped(StringBuilder text, String value, int end) {
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\u001B' -> text.append("^[");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
