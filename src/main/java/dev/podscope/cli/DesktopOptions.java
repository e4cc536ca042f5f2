package dev.podscope.cli;

import java.nio.file.Path;

/**
 * What the user asked the desktop app to open: the sandbox, or a kubeconfig (and maybe one of its contexts), and
 * maybe a bundle to show first. {@code exitWhenLoaded} is for the benchmark: report the first full table, then quit.
 *
 * @param bundle a bundle zip to open and show first, or null
 */
public record DesktopOptions(boolean sandbox, String kubeconfig, String context, boolean exitWhenLoaded,
                             Path bundle) {

    public DesktopOptions(boolean sandbox, String kubeconfig, String context, boolean exitWhenLoaded) {
        this(sandbox, kubeconfig, context, exitWhenLoaded, null);
    }
}
