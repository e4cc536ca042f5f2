package dev.podscope.bundle.open;

import dev.podscope.bundle.BundleReader;
import dev.podscope.kube.KubeContext;
import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;
import dev.podscope.sandbox.replay.ReplayServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundles open in the desktop app, each served by its own in-process replay server and reached through a
 * kubeconfig context of its own ({@code bundle-<captured context>}), so that the window browses it with the same
 * client, watches, logs and metrics as a live cluster. Opening the same captured context again replaces the older
 * bundle.
 */
public final class BundleContexts implements AutoCloseable {
    private record Served(ReplayServer server, KubeconfigSet kubeconfig, OpenedBundle bundle) {
    }

    private final Map<String, Served> open = new LinkedHashMap<>();

    /**
     * Verifies and serves {@code file}. Slow (reads and hashes the whole zip): call it off the UI thread.
     *
     * @throws dev.podscope.bundle.BundleException when the file is not a whole, unchanged Podscope bundle
     */
    public OpenedBundle open(Path file) {
        ReplayServer server = ReplayServer.start(BundleReader.open(file), 0);
        try {
            Path kubeconfig = Files.createTempFile("podscope-bundle", ".kubeconfig");
            kubeconfig.toFile().deleteOnExit();
            server.writeKubeconfig(kubeconfig);
            KubeconfigSet set = KubeconfigLoader.load(new KubeconfigSource(List.of(kubeconfig), true,
                    kubeconfig.getParent()));
            KubeContext context = set.context(server.contextName()).orElseThrow(() ->
                    new IllegalStateException("the bundle's kubeconfig has no context " + server.contextName()));
            OpenedBundle bundle = new OpenedBundle(context, server.manifest(), file);
            Served previous;
            synchronized (this) {
                previous = open.put(context.name(), new Served(server, set, bundle));
            }
            if (previous != null) {
                previous.server().close();
            }
            return bundle;
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException("Cannot write a kubeconfig for the bundle to the temp directory", e);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The bundles open now, oldest first. */
    public synchronized List<OpenedBundle> all() {
        return open.values().stream().map(Served::bundle).toList();
    }

    /** The bundle that {@code contextName} shows, when it is a bundle's context. */
    public synchronized Optional<OpenedBundle> bundle(String contextName) {
        return Optional.ofNullable(open.get(contextName)).map(Served::bundle);
    }

    /** The kubeconfig that reaches the bundle of {@code contextName}, when it is a bundle's context. */
    public synchronized Optional<KubeconfigSet> kubeconfig(String contextName) {
        return Optional.ofNullable(open.get(contextName)).map(Served::kubeconfig);
    }

    /** Stops every replay server. */
    @Override
    public void close() {
        List<Served> served;
        synchronized (this) {
            served = List.copyOf(open.values());
            open.clear();
        }
        served.forEach(s -> s.server().close());
    }
}
