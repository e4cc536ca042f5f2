package dev.podscope.cli;

import dev.podscope.bundle.BundleProgress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Export progress on stderr: one line rewritten in place on a terminal, otherwise a plain line whenever the step
 * changes kind (so that logs of CI runs stay short).
 */
final class TerminalProgress implements BundleProgress {
    private final PrintStream err;
    private final boolean terminal;
    private String lastKind = "";
    private int lastWidth;
    private long lastDraw;

    TerminalProgress(PrintStream err) {
        this.err = err;
        this.terminal = System.console() != null && System.console().isTerminal();
    }

    @Override
    public void report(String step, double fraction) {
        String line = String.format(Locale.ROOT, "[%3d%%] %s", Math.round(fraction * 100), step);
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw < 50_000_000L && fraction < 1) {
                return; // at most 20 redraws a second
            }
            lastDraw = now;
            String shown = line.length() > 100 ? line.substring(0, 99) + "…" : line;
            err.print("\r" + shown + " ".repeat(Math.max(0, lastWidth - shown.length())));
            lastWidth = shown.length();
            err.flush();
            return;
        }
        String kind = step.replaceAll(" of .*", "");
        if (!kind.equals(lastKind) || fraction >= 1) {
            lastKind = kind;
            err.println(line);
        }
    }

    void finish() {
        if (terminal && lastWidth > 0) {
            err.println();
        }
    }
}
