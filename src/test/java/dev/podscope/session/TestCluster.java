package dev.podscope.session;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.podscope.sandbox.SandboxServer;
import dev.podscope.sandbox.SandboxTls;
import dev.podscope.sandbox.api.AccessPolicy;
import dev.podscope.sandbox.store.ClusterStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sandbox API server over a store the test fills itself (no simulator), that can be stopped and started again on
 * the same port with the same CA, tokens and store — what a cluster restart or a network cut looks like to a client.
 */
public final class TestCluster implements AutoCloseable {
    public static final String ADMIN_TOKEN = "itest-admin-token";
    private static final SandboxTls TLS = SandboxTls.generate();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final ClusterStore store;
    private final Map<String, AccessPolicy> extraTokens = new LinkedHashMap<>();
    private final int port;
    private SandboxServer server;
    private boolean metricsApi = true;

    private TestCluster(ClusterStore store) {
        this.store = store;
        this.server = SandboxServer.start(store, TLS, ADMIN_TOKEN, 0);
        this.port = server.port();
    }

    public static TestCluster start(ClusterStore store) {
        return new TestCluster(store);
    }

    public ClusterStore store() {
        return store;
    }

    public String url() {
        return "https://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The sandbox CA in PEM; kubeconfigs built with it verify the server. */
    public static String caPem() {
        return TLS.caPem();
    }

    /** Lets {@code token} in with {@code policy}, now and after every restart. */
    public synchronized void addToken(String token, AccessPolicy policy) {
        extraTokens.put(token, policy);
        server.addToken(token, policy);
    }

    /** Serves metrics.k8s.io (the default) or not, now and after every restart. */
    public synchronized void metricsApi(boolean enabled) {
        metricsApi = enabled;
        server.metricsApi(enabled);
    }

    /** Closes the port and every connection, as a dying API server would. */
    public synchronized void stop() {
        server.stop();
    }

    /** Serves the same store again on the same port, CA and tokens. */
    public synchronized void restart() {
        server = SandboxServer.start(store, TLS, ADMIN_TOKEN, port);
        server.metricsApi(metricsApi);
        extraTokens.forEach(server::addToken);
    }

    /** A one-context kubeconfig for this server presenting {@code token}; context, cluster and user are {@code context}. */
    public Path kubeconfig(Path file, String context, String namespace, String token) throws IOException {
        return writeKubeconfig(file, url(), caPem(), token, context, namespace);
    }

    /** A one-context kubeconfig; a null {@code namespace} leaves the context without one. */
    public static Path writeKubeconfig(Path file, String server, String caPem, String token, String context,
                                       String namespace) throws IOException {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("server", server);
        cluster.put("certificate-authority-data",
                Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII)));
        Map<String, Object> contextFields = new LinkedHashMap<>();
        contextFields.put("cluster", context);
        contextFields.put("user", context);
        if (namespace != null) {
            contextFields.put("namespace", namespace);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.put("clusters", List.of(Map.of("name", context, "cluster", cluster)));
        config.put("users", List.of(Map.of("name", context, "user", Map.of("token", token))));
        config.put("contexts", List.of(Map.of("name", context, "context", contextFields)));
        config.put("current-context", context);
        YAML.writeValue(file.toFile(), config);
        return file;
    }

    @Override
    public synchronized void close() {
        server.stop();
    }
}
