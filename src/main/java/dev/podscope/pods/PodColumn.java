package dev.podscope.pods;

import dev.podscope.format.PodRow;
import dev.podscope.format.Quantities;
import dev.podscope.metrics.PodUsage;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The pod table's columns: header, text (always a {@link PodRow} string, never re-formatted here) and a sort
 * order that follows the meaning, not the text — RESTARTS by count, AGE by creation time, READY by ratio.
 */
public enum PodColumn {
    NAMESPACE("NAMESPACE", PodRow::namespace, byText(PodRow::namespace)),
    NAME("NAME", PodRow::name, byText(PodRow::name)),
    READY("READY", PodRow::ready, PodColumn::compareReady),
    STATUS("STATUS", PodRow::status, byText(PodRow::status)),
    RESTARTS("RESTARTS", PodRow::restarts, Comparator.comparingInt(r -> r.printed().summary().restarts())),
    AGE("AGE", PodRow::age, Comparator.comparing(PodRowViewModel::createdAt,
            Comparator.nullsLast(Comparator.<Instant>reverseOrder()))),
    NODE("NODE", PodRow::node, byText(PodRow::node)),
    IP("IP", PodRow::ip, Comparator.comparing(r -> r.printed().ip(), PodColumn::compareAddresses)),
    OWNER("OWNER", PodRow::owner, byText(PodRow::owner)),
    /** Like kubectl top pod: the containers' sum, millicores; shown only while the cluster has metrics. */
    CPU("CPU", row -> "", byUsage(PodUsage::nanoCores)),
    MEMORY("MEMORY", row -> "", byUsage(PodUsage::bytes)),
    /** The diagnosis headline of an unhealthy pod (PodDiagnosis.fromStatus), empty for healthy pods. */
    WHY("WHY", row -> "", Comparator.comparing(PodColumn::whyText, Comparator.comparing(String::isEmpty)
            .thenComparing(Comparator.naturalOrder())));

    /** kubectl's order, and the tie-breaker for every other order so equal rows never swap places. */
    public static final Comparator<PodRowViewModel> KEY_ORDER = Comparator.comparing(PodRowViewModel::key);

    private final String header;
    private final Function<PodRow, String> text;
    private final Comparator<PodRowViewModel> order;

    PodColumn(String header, Function<PodRow, String> text, Comparator<PodRowViewModel> order) {
        this.header = header;
        this.text = text;
        this.order = order;
    }

    public String header() {
        return header;
    }

    public String text(PodRow row) {
        return text.apply(row);
    }

    /** AGE and RESTARTS ("3 (5m ago)") change with the clock alone. */
    public boolean ticks() {
        return this == AGE || this == RESTARTS;
    }

    /** The order for a descending header: reversed, but pods without metrics stay last either way. */
    public Comparator<PodRowViewModel> descendingOrder() {
        if (this == CPU) {
            return byUsage(PodUsage::nanoCores, true);
        }
        return this == MEMORY ? byUsage(PodUsage::bytes, true) : order.reversed();
    }

    /** CPU and MEMORY come from metrics.k8s.io, not from the pod: see {@link #usageText(PodUsage)}. */
    public boolean fromMetrics() {
        return this == CPU || this == MEMORY;
    }

    /** {@code 12m} / {@code 34Mi} as kubectl top pod prints them; empty without a sample. */
    public String usageText(PodUsage usage) {
        if (usage == null) {
            return "";
        }
        return this == CPU ? Quantities.cpu(usage.nanoCores()) : Quantities.memory(usage.bytes());
    }

    /** The WHY cell's text: the diagnosis headline, or "" for a healthy pod. */
    public static String whyText(PodRowViewModel row) {
        return row.why() == null ? "" : row.why().headline();
    }

    public Comparator<PodRowViewModel> order() {
        return order;
    }

    private static Comparator<PodRowViewModel> byText(Function<PodRow, String> text) {
        return Comparator.comparing(r -> text.apply(r.printed()));
    }

    /** Numerically; pods without a sample after those with one. */
    private static Comparator<PodRowViewModel> byUsage(ToLongFunction<PodUsage> value) {
        return byUsage(value, false);
    }

    private static Comparator<PodRowViewModel> byUsage(ToLongFunction<PodUsage> value, boolean descending) {
        Comparator<PodUsage> numeric = Comparator.comparingLong(value);
        return Comparator.comparing(PodRowViewModel::usage,
                Comparator.nullsLast(descending ? numeric.reversed() : numeric));
    }

    private static int compareReady(PodRowViewModel a, PodRowViewModel b) {
        var x = a.printed().summary();
        var y = b.printed().summary();
        // a/b < c/d  <=>  a*d < c*b for non-negative totals; a pod without containers counts as 0/1
        long left = (long) x.readyContainers() * Math.max(1, y.totalContainers());
        long right = (long) y.readyContainers() * Math.max(1, x.totalContainers());
        int byRatio = Long.compare(left, right);
        return byRatio != 0 ? byRatio : Integer.compare(x.totalContainers(), y.totalContainers());
    }

    /** IPv4 addresses numerically; anything else ({@code <none>}, IPv6) after them, by text. */
    static int compareAddresses(String a, String b) {
        long x = ipv4(a);
        long y = ipv4(b);
        if (x >= 0 && y >= 0) {
            return Long.compare(x, y);
        }
        if (x >= 0 || y >= 0) {
            return x >= 0 ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static long ipv4(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            value = value * 256 + octet;
        }
        return value;
    }
}
