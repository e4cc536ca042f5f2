package dev.podscope.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Picks the lines of a crashed container's log worth quoting: the last ones, without stack frames. */
final class LogTail {

    /** A Java/Kotlin stack frame or its "... 3 more" continuation, a Python "File ..." frame, a Go goroutine frame. */
    private static final Pattern FRAME = Pattern.compile(
            "^\\s+(at |\\.\\.\\. \\d+ more|File \")|^\\s+/.+\\.go:\\d+|^\\s*$");

    private LogTail() {
    }

    /** The last {@code max} lines that are not stack frames or blank; the exception message stays, its frames go. */
    static List<String> telling(List<String> lines, int max) {
        List<String> kept = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && kept.size() < max; i--) {
            String line = lines.get(i);
            if (!FRAME.matcher(line).find()) {
                kept.addFirst(line.length() > 300 ? line.substring(0, 300) + "…" : line);
            }
        }
        return kept;
    }
}
