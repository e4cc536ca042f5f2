package dev.podscope.app;

import dev.podscope.bundle.open.BundleContexts;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.ui.SessionFactory;

import java.util.function.IntConsumer;

/**
 * What the desktop app shows: the loaded kubeconfig, how to open a session for one of its contexts, whether it is
 * the sandbox (which puts up a banner), and what to release when the window closes (e.g. the sandbox server).
 *
 * @param context  the context to open first; null for the kubeconfig's current context
 * @param onLoaded called once on the FX thread, with the number of pods, when the first context's complete pod list
 *                 is live and laid out in the table (the benchmark's "full table"); may be a no-op
 * @param bundles  the bundles open from the start ({@code --bundle}); the window serves those opened later too
 */
public record AppSetup(KubeconfigSet kubeconfig, SessionFactory sessions, boolean sandbox, AutoCloseable onExit,
                       String context, IntConsumer onLoaded, BundleContexts bundles) {

    public AppSetup(KubeconfigSet kubeconfig, SessionFactory sessions, boolean sandbox, AutoCloseable onExit,
                    String context, IntConsumer onLoaded) {
        this(kubeconfig, sessions, sandbox, onExit, context, onLoaded, new BundleContexts());
    }

    public AppSetup(KubeconfigSet kubeconfig, SessionFactory sessions, boolean sandbox, AutoCloseable onExit) {
        this(kubeconfig, sessions, sandbox, onExit, null, rows -> { });
    }
}
