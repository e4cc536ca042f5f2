package dev.podscope.bundle;

import dev.podscope.sandbox.SandboxKubeconfig;
import dev.podscope.sandbox.SandboxServer;
import dev.podscope.sandbox.SandboxTls;
import dev.podscope.sandbox.store.ClusterStore;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Test-only: bundles made by the real {@link BundleExporter} from a sandbox store served over HTTPS, so that the
 * round-trip tests open exactly what users export.
 */
public final class BundleExports {
    private static final SandboxTls TLS = SandboxTls.generate();

    private BundleExports() {
    }

    /** Exports every namespace of {@code store} as context {@code context} into {@code file}; returns createdAt. */
    public static Instant everything(ClusterStore store, String context, Path file) throws IOException {
        return export(store, context, BundleScope.everyNamespace(), file);
    }

    /**
     * Serves {@code store} on a sandbox API server for the time of one export of {@code scope}, on the store's clock;
     * returns the bundle's createdAt (the store's now, rounded down to whole seconds by the exporter).
     */
    public static Instant export(ClusterStore store, String context, BundleScope scope, Path file) throws IOException {
        SandboxServer server = SandboxServer.start(store, TLS, "bundle-export-token", 0);
        try {
            ApiClient client = Config.fromConfig(new StringReader(SandboxKubeconfig.yaml(server, null, "default")));
            new BundleExporter(client, context, store.clock()).export(scope, file, BundleProgress.NONE, () -> false);
        } finally {
            server.stop();
        }
        try (BundleReader bundle = BundleReader.open(file)) {
            return bundle.manifest().createdAt();
        }
    }
}
