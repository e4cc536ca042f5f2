package dev.podscope.sandbox.logs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A structured log line as Go's and Java's JSON loggers print it: time, level, msg, then key-value pairs. */
final class JsonLine {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private JsonLine() {
    }

    /** {@code fields} alternate keys and values; numbers and booleans are written bare, anything else quoted. */
    static String of(Instant at, String level, String msg, Object... fields) {
        StringBuilder line = new StringBuilder(160).append("{\"time\":\"").append(TIME.format(at))
                .append("\",\"level\":\"").append(level).append("\",\"msg\":");
        quote(line, msg);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            line.append(",\"").append(fields[i]).append("\":");
            Object value = fields[i + 1];
            if (value instanceof Number || value instanceof Boolean) {
                line.append(value);
            } else {
                quote(line, String.valueOf(value));
            }
        }
        return line.append('}').toString();
    }

    private static void quote(StringBuilder line, String text) {
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line.append("\\n"); // a log line never spans lines: JSON loggers escape newlines
                continue;
            }
            if (c == '"' || c == '\\') {
                line.append('\\');
            }
            line.append(c);
        }
        line.append('"');
    }
}
