package dev.podscope.app;

import dev.podscope.kube.KubeconfigSet;
import dev.podscope.ui.SessionFactory;

/**
 * What the desktop app shows: the loaded kubeconfig, how to open a session for one of its contexts, whether it is
 * the sandbox (which puts up a banner), and what to release when the window closes (e.g. the sandbox server).
 */
public record AppSetup(KubeconfigSet kubeconfig, SessionFactory sessions, boolean sandbox, AutoCloseable onExit) {
}
