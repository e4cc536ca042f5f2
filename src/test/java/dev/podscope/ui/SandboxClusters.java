package dev.podscope.ui;

import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.SandboxServer;
import dev.podscope.sandbox.api.AccessPolicy;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1Pod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Real sandbox clusters behind one kubeconfig, as a user with several clusters has them:
 * <ul>
 *   <li>{@code dev} (current) and {@code prod}: two simulated clusters; their simulated time is slowed so far that
 *       nothing changes unless a test changes it;</li>
 *   <li>{@code restricted}: dev, with a token that may only look into namespace {@code shop};</li>
 *   <li>{@code broken}: a cluster whose certificate-authority file does not exist;</li>
 *   <li>{@code flaky}: dev's store behind a second server that a test can take down and bring back.</li>
 * </ul>
 */
final class SandboxClusters implements AutoCloseable {
    static final String VIEWER_TOKEN = "viewer-token-for-tests";
    private static final SimulatorOptions FROZEN = new SimulatorOptions().withTimeScale(100_000);

    private final Sandbox dev;
    private final Sandbox prod;
    private final Path kubeconfig;
    private SandboxServer flaky;

    private SandboxClusters(Sandbox dev, Sandbox prod, SandboxServer flaky, Path kubeconfig) {
        this.dev = dev;
        this.prod = prod;
        this.flaky = flaky;
        this.kubeconfig = kubeconfig;
    }

    static SandboxClusters start(Path home) throws IOException {
        Sandbox dev = Sandbox.start(0, FROZEN);
        Sandbox prod = Sandbox.start(0, FROZEN.withSeed(7));
        dev.server().addToken(VIEWER_TOKEN, AccessPolicy.allowAll("viewer").onlyNamespace("shop"));
        SandboxServer flaky = SandboxServer.start(dev.store(), dev.server().tls(), dev.server().token(), 0);
        Path file = home.resolve("config");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                current-context: dev
                clusters:
                %s%s%s%s
                users:
                - name: dev-admin
                  user:
                    token: %s
                - name: prod-admin
                  user:
                    token: %s
                - name: viewer
                  user:
                    token: %s
                contexts:
                - name: dev
                  context: {cluster: dev, user: dev-admin}
                - name: prod
                  context: {cluster: prod, user: prod-admin}
                - name: restricted
                  context: {cluster: dev, user: viewer, namespace: shop}
                - name: broken
                  context: {cluster: broken, user: dev-admin}
                - name: flaky
                  context: {cluster: flaky, user: dev-admin}
                """.formatted(cluster("dev", dev.server()), cluster("prod", prod.server()),
                cluster("flaky", flaky), """
                - name: broken
                  cluster:
                    server: %s
                    certificate-authority: %s
                """.formatted(dev.server().server(), home.resolve("missing-ca.crt")),
                dev.server().token(), prod.server().token(), VIEWER_TOKEN));
        return new SandboxClusters(dev, prod, flaky, file);
    }

    private static String cluster(String name, SandboxServer server) {
        String ca = Base64.getEncoder().encodeToString(server.tls().caPem().getBytes(StandardCharsets.US_ASCII));
        return """
                - name: %s
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                """.formatted(name, server.server(), ca);
    }

    KubeconfigSet kubeconfig() {
        return KubeconfigLoader.load(new KubeconfigSource(List.of(kubeconfig), true, kubeconfig.getParent()));
    }

    Sandbox dev() {
        return dev;
    }

    Sandbox prod() {
        return prod;
    }

    String flakyServer() {
        return flaky.server().toString();
    }

    /** The pods of {@code store} as the API server has them now. */
    static List<V1Pod> pods(ClusterStore store, String namespace) {
        return store.list(Resources.PODS, namespace).items().stream().map(item -> item.object()).toList();
    }

    /** Takes the flaky server down: open watches end, connections are refused. */
    void dropFlaky() {
        flaky.stop();
    }

    /** Serves the flaky cluster again on the same port. */
    void restoreFlaky() {
        flaky = SandboxServer.start(dev.store(), dev.server().tls(), dev.server().token(), flaky.port());
    }

    @Override
    public void close() {
        flaky.stop();
        dev.close();
        prod.close();
    }
}
