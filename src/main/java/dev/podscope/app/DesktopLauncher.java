package dev.podscope.app;

import dev.podscope.cli.DesktopOptions;
import dev.podscope.kube.ClientFactory;
import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.session.ClusterSession;
import dev.podscope.ui.ContextSession;
import dev.podscope.ui.SessionFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Decides what the desktop app opens — the user's kubeconfig, or the sandbox when there is none — and opens it. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch(DesktopOptions options) {
        PodscopeApp.launch(setup(options));
    }

    static AppSetup setup(DesktopOptions options) {
        if (!options.sandbox()) {
            KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.fromSystem(options.kubeconfig()));
            if (!set.contexts().isEmpty()) {
                return new AppSetup(set, sessions(set), false, () -> { });
            }
            System.err.println("No kubeconfig contexts found ($KUBECONFIG, ~/.kube/config): opening the built-in"
                    + " sandbox cluster (simulated, not a real cluster).");
        }
        Sandbox sandbox = Sandbox.start();
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.fromSystem(writeKubeconfig(sandbox).toString()));
        return new AppSetup(set, sessions(set), true, sandbox::close);
    }

    private static SessionFactory sessions(KubeconfigSet set) {
        return context -> ContextSession.of(
                new ClusterSession(ClientFactory.create(set, context.name()), context.name(), context.namespace()));
    }

    private static Path writeKubeconfig(Sandbox sandbox) {
        try {
            Path file = Files.createTempFile("podscope-sandbox", ".kubeconfig");
            file.toFile().deleteOnExit();
            return sandbox.writeKubeconfig(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox's kubeconfig to the temp directory", e);
        }
    }
}
