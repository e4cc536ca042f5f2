package dev.podscope.exec;

import dev.podscope.kube.StreamUpgrades;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.Pair;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a command in a container through the API server's {@code pods/exec} over WebSocket
 * ({@code v5.channel.k8s.io}, or v4 from older servers) without stdin or a terminal, as an exec probe would.
 */
public final class PodExec {
    static final String PROTOCOLS = "v5.channel.k8s.io, v4.channel.k8s.io";

    private final ApiClient client;
    private final OkHttpClient http;

    public PodExec(ApiClient client) {
        this.client = client;
        this.http = client.getHttpClient().newBuilder()
                .readTimeout(Duration.ZERO)
                .minWebSocketMessageToCompress(Long.MAX_VALUE)
                .build();
    }

    /**
     * Runs {@code command} in {@code container} (null: the pod's default container) and waits for its exit code,
     * at most {@code timeout}; ExecException when the API server refuses or the command cannot be started.
     */
    public ExecResult run(String namespace, String pod, String container, List<String> command, Duration timeout)
            throws IOException {
        String target = container == null ? "pod " + namespace + "/" + pod
                : "container " + container + " of pod " + namespace + "/" + pod;
        List<Pair> query = new ArrayList<>();
        for (String word : command) {
            query.add(new Pair("command", word));
        }
        if (container != null) {
            query.add(new Pair("container", container));
        }
        query.add(new Pair("stdout", "true"));
        query.add(new Pair("stderr", "true"));
        String path = "/api/v1/namespaces/" + client.escapeString(namespace) + "/pods/" + client.escapeString(pod)
                + "/exec";
        Request request = StreamUpgrades.request(client, path, query, PROTOCOLS);
        ExecSession session = new ExecSession(target);
        var socket = http.newWebSocket(request, session);
        try {
            return session.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().toString(), e.getCause());
        } catch (TimeoutException e) {
            throw new ExecException("The command in " + target + " did not finish within "
                    + timeout.toMillis() / 1000.0 + " s", 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while running a command in " + target);
        } finally {
            socket.cancel();
        }
    }
}
