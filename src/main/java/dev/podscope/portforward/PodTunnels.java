package dev.podscope.portforward;

import dev.podscope.kube.StreamUpgrades;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.Pair;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Opens TCP connections to pods through the API server's {@code pods/portforward}, one WebSocket per connection
 * in the kubelet's channel protocol. Thread-safe; one instance per API client is enough.
 */
public final class PodTunnels {
    static final String PROTOCOLS = "v4.channel.k8s.io, portforward.k8s.io";
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);
    /** OkHttp keeps a WebSocket's reader inside its dispatcher, so the default limit of 64 would cap connections. */
    private static final int MAX_CONNECTIONS = 100_000;

    private final ApiClient client;
    private final OkHttpClient http;

    public PodTunnels(ApiClient client) {
        this.client = client;
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
    }

    /**
     * One new connection; PortForwardException (an IOException with a one-line user message) when the pod is
     * missing or not running, the port is not listening, access is forbidden, or the API server refuses.
     */
    public PodTunnel open(String namespace, String pod, int port) throws IOException {
        String target = "port " + port + " of pod " + namespace + "/" + pod;
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
