package dev.podscope.cli;

/**
 * What the user asked the desktop app to open: the sandbox, or a kubeconfig (and maybe one of its contexts).
 * {@code exitWhenLoaded} is for the benchmark: report the first full table, then quit.
 */
public record DesktopOptions(boolean sandbox, String kubeconfig, String context, boolean exitWhenLoaded) {
}
