package dev.podscope.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podscope.session.ClusterErrors;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Blocking reads of a cluster's metrics.k8s.io/v1beta1 API: PodMetrics of all namespaces or one, one pod's, and
 * NodeMetrics. Every failure is a {@link MetricsException} that says whether the API is absent (404), forbidden
 * (403, naming the user and resource as the server did) or failed otherwise.
 */
public final class MetricsReader {
    public static final String GROUP = "metrics.k8s.io";
    private static final String BASE = "/apis/" + GROUP + "/v1beta1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ApiClient client;
    private final OkHttpClient http;
    private final String server;
    private final String context;

    /** {@code context} names the kubeconfig context in messages. */
    public MetricsReader(ApiClient client, String context) {
        // the session's client may have no read timeout (for watches); a poll must not hang forever
        this.client = client;
        this.http = client.getHttpClient().newBuilder().readTimeout(30, TimeUnit.SECONDS)
                .callTimeout(60, TimeUnit.SECONDS).build();
        this.server = client.getBasePath();
        this.context = context;
    }

    /** Whether {@code /apis} lists the metrics.k8s.io group, as kubectl top checks before anything else. */
    public boolean installed() {
        return get("/apis", null, in -> MetricsDocuments.groupNames(in).contains(GROUP));
    }

    /** The PodMetrics of {@code namespace}, or of all namespaces for null. */
    public List<PodUsage> pods(String namespace) {
        return pods(namespace, null);
    }

    /** Only the pods matching the label {@code selector} (null for all). */
    public List<PodUsage> pods(String namespace, String selector) {
        return get(namespace == null ? BASE + "/pods" : BASE + "/namespaces/" + namespace + "/pods", selector,
                MetricsDocuments::podList);
    }

    /** One pod's metrics; an empty {@code namespace} asks without one, as kubectl top pod -A NAME does. */
    public PodUsage pod(String namespace, String name) {
        String path = namespace.isEmpty() ? BASE + "/pods/" + name : BASE + "/namespaces/" + namespace + "/pods/" + name;
        return get(path, null, MetricsDocuments::pod);
    }

    public List<NodeUsage> nodes(String selector) {
        return get(BASE + "/nodes", selector, MetricsDocuments::nodeList);
    }

    public NodeUsage node(String name) {
        return get(BASE + "/nodes/" + name, null, MetricsDocuments::node);
    }

    public String context() {
        return context;
    }

    public String server() {
        return server;
    }

    private interface Decoder<T> {
        T decode(InputStream in) throws IOException;
    }

    private <T> T get(String path, String selector, Decoder<T> decoder) {
        try {
            return get(request(path, selector), path, decoder);
        } catch (ApiException e) {
            throw new MetricsException(MetricsStatus.failed("Pod metrics cannot be read: "
                    + ClusterErrors.describe(e, context, server)), 0, null, null, e);
        }
    }

    /** Built by the client, so that its authentication (bearer token, API key, interceptors) applies. */
    private Request request(String path, String selector) throws ApiException {
        List<Pair> query = new ArrayList<>();
        if (selector != null && !selector.isEmpty()) {
            query.add(new Pair("labelSelector", selector));
        }
        Map<String, String> headers = new HashMap<>(Map.of("Accept", "application/json"));
        return client.buildCall(null, path, "GET", query, new ArrayList<>(), null, headers, new HashMap<>(),
                new HashMap<>(), new String[] {"BearerToken"}, null).request();
    }

    private <T> T get(Request request, String path, Decoder<T> decoder) {
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw refused(path, response.code(), response.body().string(), response);
            }
            return decoder.decode(response.body().byteStream());
        } catch (IOException | RuntimeException e) {
            if (e instanceof MetricsException m) {
                throw m;
            }
            throw new MetricsException(MetricsStatus.failed("Pod metrics cannot be read: "
                    + ClusterErrors.describe(e, context, server)), 0, null, null, e);
        }
    }

    private MetricsException refused(String path, int code, String body, Response response) {
        String reason = null;
        String message = null;
        try {
            JsonNode status = MAPPER.readTree(body);
            reason = status.path("reason").asText(null);
            message = status.path("message").asText(null);
        } catch (IOException | RuntimeException notAStatus) {
            // a proxy's HTML or an aggregator's plain text: the code says enough
        }
        ApiException api = new ApiException(code, response.headers().toMultimap(), body);
        MetricsStatus status = switch (code) {
            // 404 for a list means the group is not served; for one object, that the object has no metrics
            case 404 -> path.endsWith("/pods") || path.endsWith("/nodes") ? MetricsStatus.ABSENT
                    : MetricsStatus.failed(message != null ? message : "not found: " + path);
            case 403 -> MetricsStatus.forbidden("Not allowed to read metrics: "
                    + (message != null ? message : "403 Forbidden") + " (context \"" + context + "\")");
            case 503 -> MetricsStatus.failed("The metrics API (metrics.k8s.io) is installed but not answering"
                    + " (503 Service Unavailable): check that metrics-server is running");
            default -> MetricsStatus.failed("Pod metrics cannot be read: "
                    + ClusterErrors.describe(api, context, server));
        };
        return new MetricsException(status, code, reason, message, api);
    }
}
