package dev.podscope.kube;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.openapi.models.V1Status;
import okhttp3.Request;
import okhttp3.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WebSocket upgrade requests for streaming subresources (pods/portforward, pods/exec) with the client's own
 * authentication, and the API server's refusal of one turned into words.
 */
public final class StreamUpgrades {
    private StreamUpgrades() {
    }

    /** A GET of {@code path} (with query) asking for the WebSocket subprotocols {@code protocols}, best first. */
    public static Request request(ApiClient client, String path, List<Pair> query, String protocols) {
        try {
            // client-java adds the credentials into these maps, so they must be mutable
            Map<String, String> headers = new HashMap<>(Map.of("Sec-WebSocket-Protocol", protocols));
            return client.buildRequest(client.getBasePath(), path, "GET", new ArrayList<>(query), new ArrayList<>(),
                    null, headers, new HashMap<>(), new HashMap<>(), new String[]{"BearerToken"}, null);
        } catch (ApiException e) {
            throw new IllegalStateException("Cannot build the request for " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * A POST of {@code path} asking to upgrade the connection to {@code upgrade} (kubectl's {@code SPDY/3.1}) with
     * the stream protocol {@code streamProtocol}, for a client that takes the upgraded connection as a socket.
     */
    public static Request upgradeRequest(ApiClient client, String path, String upgrade, String streamProtocol) {
        try {
            Map<String, String> headers = new HashMap<>(Map.of("Connection", "Upgrade", "Upgrade", upgrade,
                    "X-Stream-Protocol-Version", streamProtocol));
            return client.buildRequest(client.getBasePath(), path, "POST", new ArrayList<>(), new ArrayList<>(),
                    null, headers, new HashMap<>(), new HashMap<>(), new String[]{"BearerToken"}, null);
        } catch (ApiException e) {
            throw new IllegalStateException("Cannot build the request for " + path + ": " + e.getMessage(), e);
        }
    }

    /** The HTTP status of a refused upgrade, 0 when there was no HTTP answer. */
    public static int code(Response response) {
        return response == null ? 0 : response.code();
    }

    /** The message of the Status an API server sent with a refused upgrade, or the HTTP status line. */
    public static String refusal(Response response) {
        if (response == null) {
            return "no answer";
        }
        try {
            String body = response.body().string();
            if (body.startsWith("{")) {
                V1Status status = JSON.deserialize(body, V1Status.class);
                if (status.getMessage() != null && !status.getMessage().isBlank()) {
                    return status.getMessage();
                }
            }
            if (!body.isBlank() && body.length() < 300) {
                return body.strip();
            }
        } catch (Exception unreadable) {
            // the status line below still says what happened
        }
        return "HTTP " + response.code() + " " + response.message();
    }
}
