package dev.podscope.app;

import dev.podscope.bundle.open.BundleContexts;
import dev.podscope.bundle.open.OpenedBundle;
import dev.podscope.cli.DesktopOptions;
import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.ui.SessionFactory;
import javafx.application.Platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/** Decides what the desktop app opens — the user's kubeconfig, or the sandbox when there is none — and opens it. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch(DesktopOptions options) {
        PodscopeApp.launch(setup(options));
    }

    static AppSetup setup(DesktopOptions options) {
        IntConsumer onLoaded = options.exitWhenLoaded() ? DesktopLauncher::reportAndExit : rows -> { };
        if (options.bundle() != null) {
            return bundleSetup(options, onLoaded);
        }
        if (!options.sandbox()) {
            KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.fromSystem(options.kubeconfig()));
            if (!set.contexts().isEmpty()) {
                EarlySessions sessions = EarlySessions.open(set, options.context());
                return new AppSetup(set, sessions, false, sessions::closeUnused, options.context(), onLoaded);
            }
            System.err.println("No kubeconfig contexts found ($KUBECONFIG, ~/.kube/config): opening the built-in"
                    + " sandbox cluster (simulated, not a real cluster).");
        }
        Sandbox sandbox = Sandbox.start();
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.fromSystem(writeKubeconfig(sandbox).toString()));
        EarlySessions sessions = EarlySessions.open(set, null);
        return new AppSetup(set, sessions, true, () -> {
            sessions.closeUnused();
            sandbox.close();
        }, null, onLoaded);
    }

    /**
     * The bundle first, next to the kubeconfig's contexts (when there are any) so that the user can switch to a live
     * cluster; a file that is not a whole bundle fails here, before any window opens, with the reason.
     */
    private static AppSetup bundleSetup(DesktopOptions options, IntConsumer onLoaded) {
        BundleContexts bundles = new BundleContexts();
        OpenedBundle opened = bundles.open(options.bundle());
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.fromSystem(options.kubeconfig()));
        SessionFactory live = SessionFactory.forKubeconfig(set);
        return new AppSetup(set, live, false, bundles, opened.context().name(), onLoaded, bundles);
    }

    /** The benchmark's report line (see cli.BenchProcess): rows shown, heap used after a GC, resident set size. */
    private static void reportAndExit(int rows) {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long heapMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        System.out.println("podscope-loaded rows=" + rows + " heapMb=" + heapMb + " rssMb=" + ProcessMemory.rssMb());
        System.out.flush();
        Platform.exit();
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
