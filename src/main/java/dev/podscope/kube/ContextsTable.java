package dev.podscope.kube;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code kubectl config get-contexts}: a header, then one row per context sorted by name, laid out by
 * kubectl's tab writer (Go text/tabwriter with minwidth 6, padding 3, padchar ' '; the last column is not padded).
 */
public final class ContextsTable {
    private static final int MIN_WIDTH = 6;
    private static final int PADDING = 3;

    private ContextsTable() {
    }

    public static String render(KubeconfigSet set) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"});
        String current = set.currentContext().orElse(null);
        for (KubeContext c : set.contexts()) {
            rows.add(new String[] {c.name().equals(current) ? "*" : "", c.name(), c.cluster(), c.user(),
                    c.namespace() == null ? "" : c.namespace()});
        }
        return align(rows);
    }

    private static String align(List<String[]> rows) {
        int columns = rows.getFirst().length;
        int[] widths = new int[columns - 1];
        for (int col = 0; col < columns - 1; col++) {
            widths[col] = MIN_WIDTH;
            for (String[] row : rows) {
                widths[col] = Math.max(widths[col], width(row[col]) + PADDING);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int col = 0; col < columns - 1; col++) {
                out.append(row[col]).append(" ".repeat(widths[col] - width(row[col])));
            }
            out.append(row[columns - 1]).append('\n');
        }
        return out.toString();
    }

    /** tabwriter measures cells in runes (code points). */
    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
