package dev.podscope.sandbox;

import dev.podscope.sandbox.sim.ClusterSimulator;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.ClusterStore;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * The whole sandbox cluster in one call: a store, the simulator that runs it and the HTTPS API server in front,
 * with a fresh CA and bearer token. What the app starts when there is no kubeconfig, and what every test runs against.
 */
public final class Sandbox implements AutoCloseable {
    private final ClusterStore store;
    private final ClusterSimulator simulator;
    private final SandboxServer server;

    private Sandbox(ClusterStore store, ClusterSimulator simulator, SandboxServer server) {
        this.store = store;
        this.simulator = simulator;
        this.server = server;
    }

    /** Starts a sandbox on 127.0.0.1 ({@code port} 0 picks a free one). */
    public static Sandbox start(int port, SimulatorOptions options) {
        ClusterStore store = new ClusterStore(Clock.systemUTC(), Math.max(20_000, options.pods() * 3), options.seed());
        ClusterSimulator simulator = ClusterSimulator.start(store, options);
        try {
            SandboxServer server = SandboxServer.start(store, SandboxTls.generate(), newToken(), port);
            return new Sandbox(store, simulator, server);
        } catch (RuntimeException e) {
            simulator.stop(); // e.g. the port is taken: leave no simulator threads behind
            throw e;
        }
    }

    public static Sandbox start() {
        return start(0, new SimulatorOptions());
    }

    public SandboxServer server() {
        return server;
    }

    /** Serves metrics.k8s.io (the default) or answers as a cluster without metrics-server. */
    public Sandbox metricsApi(boolean enabled) {
        server.metricsApi(enabled);
        return this;
    }

    public ClusterStore store() {
        return store;
    }

    public ClusterSimulator simulator() {
        return simulator;
    }

    /** A kubeconfig with the single context {@code podscope-sandbox}, namespace {@code default}. */
    public String kubeconfigYaml() {
        return SandboxKubeconfig.yaml(server, SandboxKubeconfig.DEFAULT_NAME, "default");
    }

    public Path writeKubeconfig(Path file) throws IOException {
        return SandboxKubeconfig.write(file, server, SandboxKubeconfig.DEFAULT_NAME, "default");
    }

    @Override
    public void close() {
        server.stop();
        simulator.stop();
    }

    /** A fresh random bearer token for a sandbox API server. */
    public static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "sandbox-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
