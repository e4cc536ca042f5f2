package dev.podscope.sandbox;

import dev.podscope.sandbox.api.AccessPolicy;
import dev.podscope.sandbox.api.ApiHandler;
import dev.podscope.sandbox.api.ApiSources;
import dev.podscope.sandbox.store.ClusterStore;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox's Kubernetes API server: HTTPS on 127.0.0.1 over a {@link ClusterStore}, accepted by kubectl and the
 * official Java client. One bearer token is given at start (full access); {@link #addToken} adds restricted ones.
 */
public final class SandboxServer {
    public static final String ADMIN_USER = "podscope-sandbox-admin";
    private static final String HOST = "127.0.0.1";
    /** Long enough never to cut a quiet watch; a real API server ends watches after 30 to 60 minutes. */
    private static final Duration IDLE_TIMEOUT = Duration.ofHours(1);
    private static final int MAX_CONCURRENT_REQUESTS = 10_000;

    private final ClusterStore store;
    private final SandboxTls tls;
    private final String token;
    private final Map<String, AccessPolicy> tokens = new ConcurrentHashMap<>();
    private final ApiHandler handler;
    private final Server jetty;
    private final int port;

    private SandboxServer(ClusterStore store, SandboxTls tls, String token, int requestedPort, ApiSources sources) {
        this.store = store;
        this.tls = tls;
        this.token = token;
        tokens.put(token, AccessPolicy.allowAll(ADMIN_USER));
        this.handler = new ApiHandler(store, tokens::get, sources);
        this.jetty = new Server(new VirtualThreadPool(MAX_CONCURRENT_REQUESTS));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(jetty,
                new SslConnectionFactory(tls.jettySslContextFactory(), "http/1.1"), new HttpConnectionFactory(http));
        connector.setHost(HOST);
        connector.setPort(requestedPort);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        jetty.addConnector(connector);
        jetty.setHandler(handler);
        // pods/exec and pods/portforward upgrade to WebSockets; their streams are long-lived and carry large messages
        ServerWebSocketContainer webSockets = ServerWebSocketContainer.ensure(jetty);
        webSockets.setIdleTimeout(IDLE_TIMEOUT);
        webSockets.setMaxBinaryMessageSize(16 * 1024 * 1024);
        webSockets.setInvocationType(Invocable.InvocationType.BLOCKING);
        try {
            jetty.start();
        } catch (Exception e) {
            stopQuietly();
            throw new IllegalStateException("Cannot start the sandbox API server on " + HOST + ":" + requestedPort
                    + ": " + e.getMessage(), e);
        }
        this.port = connector.getLocalPort();
    }

    /** Starts serving {@code store}; {@code port} 0 picks a free port. */
    public static SandboxServer start(ClusterStore store, SandboxTls tls, String token, int port) {
        return new SandboxServer(store, tls, token, port, ApiSources.simulated(store));
    }

    /** Serves {@code store} with logs, metrics, version and writability from {@code sources} (e.g. a bundle's). */
    public static SandboxServer start(ClusterStore store, SandboxTls tls, String token, int port,
                                      ApiSources sources) {
        return new SandboxServer(store, tls, token, port, sources);
    }

    /** Serves metrics.k8s.io (the default) or answers as a cluster without metrics-server. */
    public void metricsApi(boolean enabled) {
        handler.metricsApi(enabled);
    }

    /** Lets {@code token} in with what {@code policy} allows. */
    public void addToken(String token, AccessPolicy policy) {
        tokens.put(token, policy);
    }

    public URI server() {
        return URI.create("https://" + HOST + ":" + port);
    }

    public int port() {
        return port;
    }

    public String token() {
        return token;
    }

    public SandboxTls tls() {
        return tls;
    }

    public ClusterStore store() {
        return store;
    }

    /** Ends open watches and closes all connections; the same port can then be served again by a new start. */
    public void stop() {
        handler.closeWatches();
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the sandbox API server on port " + port + ": "
                    + e.getMessage(), e);
        }
    }
}
