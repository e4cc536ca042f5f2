package dev.podscope.cli;

/** What the user asked the desktop app to open: the sandbox, or a kubeconfig (and maybe one of its contexts). */
public record DesktopOptions(boolean sandbox, String kubeconfig, String context) {
}
