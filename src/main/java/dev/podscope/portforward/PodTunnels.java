package dev.podscope.portforward;

import dev.podscope.kube.StreamUpgrades;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.Pair;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Opens TCP connections to pods through the API server's {@code pods/portforward}. As kubectl does, it upgrades one
 * HTTP connection per pod to SPDY/3.1 and opens each TCP connection as a pair of streams on it ({@link SpdySession});
 * a session without connections is closed after a while. A server that does not offer the SPDY upgrade gets one
 * WebSocket per connection in the kubelet's channel protocol ({@link ChannelTunnel}). Thread-safe; one instance per
 * API client is enough.
 */
public final class PodTunnels {
    static final String PROTOCOLS = "v4.channel.k8s.io, portforward.k8s.io";
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);
    /** OkHttp keeps a WebSocket's reader inside its dispatcher, so the default limit of 64 would cap connections. */
    private static final int MAX_CONNECTIONS = 100_000;

    private final ApiClient client;
    private final OkHttpClient http;
    private final OkHttpClient upgrades;
    private final Map<String, SpdySession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Object> sessionLocks = new ConcurrentHashMap<>();
    private volatile boolean spdyUnavailable;

    public PodTunnels(ApiClient client) {
        this(client, true);
    }

    /** For tests of the fallback: {@code spdy} false uses the channel protocol only, as for a server without SPDY. */
    static PodTunnels channelOnly(ApiClient client) {
        return new PodTunnels(client, false);
    }

    private PodTunnels(ApiClient client, boolean spdy) {
        this.client = client;
        this.spdyUnavailable = !spdy;
        ExecutorService threads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("podscope-tunnel-", 0).factory());
        Dispatcher dispatcher = new Dispatcher(threads);
        dispatcher.setMaxRequests(MAX_CONNECTIONS);
        dispatcher.setMaxRequestsPerHost(MAX_CONNECTIONS);
        this.http = client.getHttpClient().newBuilder()
                .dispatcher(dispatcher)
                .readTimeout(Duration.ZERO)
                .pingInterval(Duration.ZERO)
                .minWebSocketMessageToCompress(Long.MAX_VALUE)
                .build();
        // an upgrade is an HTTP/1.1 affair: over HTTP/2 the server could not hand the connection over
        // no write timeout either: a write blocks as long as the pod side is slow to read (back-pressure)
        this.upgrades = http.newBuilder().protocols(List.of(Protocol.HTTP_1_1)).socketFactory(new NoDelaySockets())
                .writeTimeout(Duration.ZERO).build();
    }

    /**
     * One new connection; PortForwardException (an IOException with a one-line user message) when the pod is
     * missing or not running, the port is not listening, access is forbidden, or the API server refuses.
     */
    public PodTunnel open(String namespace, String pod, int port) throws IOException {
        String target = "port " + port + " of pod " + namespace + "/" + pod;
        for (int attempt = 0; !spdyUnavailable; attempt++) {
            SpdySession session = session(namespace, pod, target);
            if (session == null) {
                break;
            }
            try {
                return session.open(port, target, OPEN_TIMEOUT.toMillis());
            } catch (PortForwardException e) {
                // a session can end between two connections (the pod's node went away, an idle close): one retry
                if (session.usable() || attempt > 0) {
                    throw e;
                }
            }
        }
        return openChannel(namespace, pod, port, target);
    }

    /** Ends every session and the connections on them. */
    public void close() {
        sessions.values().forEach(SpdySession::close);
    }

    /** The pod's usable session, upgrading a new connection when there is none; null if the server has no SPDY. */
    private SpdySession session(String namespace, String pod, String target) throws IOException {
        String key = namespace + "/" + pod;
        synchronized (sessionLocks.computeIfAbsent(key, k -> new Object())) {
            SpdySession session = sessions.get(key);
            if (session != null && session.usable()) {
                return session;
            }
            session = SpdySession.connect(upgrades, client, namespace, pod, target,
                    ended -> sessions.remove(key, ended));
            if (session == null) {
                spdyUnavailable = true;
                return null;
            }
            sessions.put(key, session);
            return session;
        }
    }

    private PodTunnel openChannel(String namespace, String pod, int port, String target) throws IOException {
        String path = "/api/v1/namespaces/" + client.escapeString(namespace) + "/pods/" + client.escapeString(pod)
                + "/portforward";
        Request request = StreamUpgrades.request(client, path, List.of(new Pair("ports", Integer.toString(port))),
                PROTOCOLS);
        ChannelTunnel tunnel = new ChannelTunnel(target);
        tunnel.awaitReady(http.newWebSocket(request, tunnel), OPEN_TIMEOUT.toMillis());
        return tunnel;
    }

    /** The user's words for an API server refusing a forward. */
    static PortForwardException refused(String target, int code, String message, Throwable cause) {
        String text = switch (code) {
            case 401 -> "Unauthorized: the API server rejected the credentials for the port-forward to " + target;
            case 403 -> "Forbidden to port-forward to " + target + ": " + message;
            case 404 -> "Cannot port-forward to " + target + ": " + message;
            default -> "Cannot port-forward to " + target + ": " + message;
        };
        return new PortForwardException(text, code, cause);
    }
}
