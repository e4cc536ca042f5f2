package dev.podscope.describe;

import io.kubernetes.client.custom.Quantity;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How Go's fmt and time print the values kubectl describe writes. */
final class GoText {

    /** Go's time.RFC1123Z, "Mon, 02 Jan 2006 15:04:05 -0700". */
    private static final DateTimeFormatter RFC1123Z =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private GoText() {
    }

    /** A timestamp in kubectl's local zone; the zero time (unset) prints as Go's zero time in UTC. */
    static String rfc1123z(OffsetDateTime t, ZoneId zone) {
        if (t == null) {
            return "Mon, 01 Jan 0001 00:00:00 +0000";
        }
        return RFC1123Z.format(t.atZoneSameInstant(zone));
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    static String bool(Boolean b) {
        return Boolean.TRUE.equals(b) ? "True" : "False";
    }

    /** %v of a bool value (false when unset). */
    static String goBool(Boolean b) {
        return Boolean.TRUE.equals(b) ? "true" : "false";
    }

    /** %v of a *bool: {@code <nil>} when unset; a set pointer prints its address in Go, shown as the value here. */
    static String boolPointer(Boolean b) {
        return b == null ? "<nil>" : b.toString();
    }

    /** %v of a []string. */
    static String slice(List<String> items) {
        return items == null ? "[]" : "[" + String.join(" ", items) + "]";
    }

    /** resource.Quantity.String(). */
    static String quantity(Quantity q) {
        return q == null ? "0" : q.toSuffixedString();
    }
}
