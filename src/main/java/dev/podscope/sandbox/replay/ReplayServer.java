package dev.podscope.sandbox.replay;

import com.google.gson.JsonObject;
import dev.podscope.bundle.BundleManifest;
import dev.podscope.bundle.BundleReader;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.SandboxKubeconfig;
import dev.podscope.sandbox.SandboxServer;
import dev.podscope.sandbox.SandboxTls;
import dev.podscope.sandbox.api.ApiSources;
import dev.podscope.sandbox.logs.RecordedLogs;
import dev.podscope.sandbox.metrics.RecordedMetrics;
import dev.podscope.sandbox.store.ClusterStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A bundle served as a read-only Kubernetes API server: the sandbox's server over a store loaded from the bundle,
 * with the bundle's logs, metrics snapshot and server version. Reads, lists and watches answer the captured state
 * (watches then stay open with bookmarks, as a quiet cluster's do); every change, exec and port-forward is refused
 * with 405 and a message that says why.
 */
public final class ReplayServer implements AutoCloseable {
    public static final String CONTEXT_PREFIX = "bundle-";
    private static final DateTimeFormatter CAPTURED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final BundleReader bundle;
    private final SandboxServer server;

    private ReplayServer(BundleReader bundle, SandboxServer server) {
        this.bundle = bundle;
        this.server = server;
    }

    /** Serves {@code bundle} on 127.0.0.1 ({@code port} 0 picks a free one); the server owns the reader from now on. */
    public static ReplayServer start(BundleReader bundle, int port) {
        try {
            return serve(bundle, port);
        } catch (RuntimeException e) {
            bundle.close(); // e.g. the port is taken: leave the zip closed
            throw e;
        }
    }

    private static ReplayServer serve(BundleReader bundle, int port) {
        ClusterStore store = BundleCluster.load(bundle);
        BundleManifest manifest = bundle.manifest();
        RecordedMetrics metrics = bundle.has("metrics/pods.json") || bundle.has("metrics/nodes.json")
                ? RecordedMetrics.read(bundle.bytes("metrics/pods.json").orElse(null),
                bundle.bytes("metrics/nodes.json").orElse(null))
                : null;
        RecordedLogs logs = new RecordedLogs((namespace, pod, container, previous) -> bundle.stream(
                "logs/" + namespace + "/" + pod + "/" + container + (previous ? ".previous.log" : ".log")),
                manifest.createdAt());
        ApiSources sources = new ApiSources(logs, metrics, version(bundle), readOnlyMessage(manifest));
        SandboxServer server = SandboxServer.start(store, SandboxTls.generate(), Sandbox.newToken(), port, sources);
        return new ReplayServer(bundle, server);
    }

    /** What every refused change says, e.g. {@code this is a Podscope bundle captured at ... : read-only}. */
    public static String readOnlyMessage(BundleManifest manifest) {
        return "this is a Podscope bundle captured at " + captured(manifest.createdAt()) + " from context \""
                + manifest.context() + "\": read-only";
    }

    /** A capture time for people: {@code 2026-11-25 12:00:00 UTC}. */
    public static String captured(Instant createdAt) {
        return CAPTURED.format(createdAt);
    }

    /** The kubeconfig context name that points at this server: {@code bundle-<captured context>}. */
    public String contextName() {
        return CONTEXT_PREFIX + bundle.manifest().context();
    }

    /** The namespace its kubeconfig context starts in: the bundle's only namespace, else {@code default}. */
    public String namespace() {
        BundleManifest.Scope scope = bundle.manifest().scope();
        return scope != null && !scope.allNamespaces() && scope.namespaces().size() == 1
                ? scope.namespaces().getFirst() : "default";
    }

    public String kubeconfigYaml() {
        return SandboxKubeconfig.yaml(server, contextName(), namespace());
    }

    public Path writeKubeconfig(Path file) throws IOException {
        return SandboxKubeconfig.write(file, server, contextName(), namespace());
    }

    public SandboxServer server() {
        return server;
    }

    public BundleManifest manifest() {
        return bundle.manifest();
    }

    public Path file() {
        return bundle.file();
    }

    @Override
    public void close() {
        server.stop();
        bundle.close();
    }

    /** The captured {@code /version}; a bundle without it answers with the version its manifest names. */
    private static byte[] version(BundleReader bundle) {
        return bundle.bytes("cluster/version.json").orElseGet(() -> {
            BundleManifest.Server captured = bundle.manifest().server();
            JsonObject version = new JsonObject();
            String gitVersion = captured == null || captured.gitVersion() == null ? "v0.0.0" : captured.gitVersion();
            String[] parts = gitVersion.replaceFirst("^v", "").split("\\.");
            version.addProperty("major", parts[0]);
            version.addProperty("minor", parts.length > 1 ? parts[1] : "0");
            version.addProperty("gitVersion", gitVersion);
            version.addProperty("platform", captured == null || captured.platform() == null ? ""
                    : captured.platform());
            return version.toString().getBytes(StandardCharsets.UTF_8);
        });
    }
}
