package dev.podscope.logs;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** How a line is written out: {@code [pod/container] } when logs are merged, then its timestamp when wanted. */
public final class LogLineText {
    /** Go's RFC3339NanoFixed, as the kubelet (and so kubectl --timestamps) writes it. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** Beyond this a line is shown cut (copy and download keep it whole): one line must not cost a frame. */
    public static final int DISPLAY_LIMIT = 10_000;

    private LogLineText() {
    }

    /** {@code [label] } of the line's source when there are several sources, else empty. */
    public static String source(LogLine line, List<String> sources) {
        return sources.size() > 1 ? "[" + sources.get(line.source()) + "] " : "";
    }

    /** The timestamp and a space, or empty when off or unknown. */
    public static String timestamp(LogLine line, boolean timestamps) {
        return timestamps && line.time() != null ? TIMESTAMP.format(line.time()) + " " : "";
    }

    public static String prefix(LogLine line, List<String> sources, boolean timestamps) {
        return source(line, sources) + timestamp(line, timestamps);
    }

    /** The text as displayed: whole when short, else its first {@value #DISPLAY_LIMIT} characters and a note. */
    public static String forDisplay(String text) {
        if (text.length() <= DISPLAY_LIMIT) {
            return text;
        }
        return text.substring(0, DISPLAY_LIMIT) + " … [" + (text.length() - DISPLAY_LIMIT)
                + " more characters: copy or download the line to see it whole]";
    }
}
