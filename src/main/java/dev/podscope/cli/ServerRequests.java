package dev.podscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podscope.session.ClusterErrors;
import dev.podscope.session.ClusterException;
import io.kubernetes.client.openapi.ApiException;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plain GETs against the API server with kubectl's Accept headers, for what client-java has no type for (Tables). */
final class ServerRequests {
    static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,"
            + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
    static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ClusterConnection connection;

    ServerRequests(ClusterConnection connection) {
        this.connection = connection;
    }

    /** A list in pages of 500, following {@code continue} as kubectl does. */
    List<JsonNode> pages(String path, Map<String, String> query, String accept) {
        List<JsonNode> pages = new ArrayList<>();
        Map<String, String> pageQuery = new LinkedHashMap<>(query);
        pageQuery.put("limit", "500");
        while (true) {
            JsonNode page = get(path, pageQuery, accept);
            pages.add(page);
            String next = page.path("metadata").path("continue").asText("");
            if (next.isEmpty()) {
                return pages;
            }
            pageQuery.put("continue", next);
        }
    }

    /**
     * A GET of one named object. A 404 is not a failure of the command but of that name: it adds kubectl's line
     * ({@code Error from server (NotFound): pods "x" not found}) to {@code errors} and the command goes on.
     */
    Optional<JsonNode> named(String path, String accept, List<String> errors) {
        try {
            return Optional.of(get(path, Map.of(), accept));
        } catch (ClusterException e) {
            if (!(e.getCause() instanceof ApiException api) || api.getCode() != 404) {
                throw e;
            }
            errors.add(serverError(api));
            return Optional.empty();
        }
    }

    JsonNode get(String path, Map<String, String> query, String accept) {
        HttpUrl.Builder url = HttpUrl.get(connection.server() + path).newBuilder();
        query.forEach(url::addQueryParameter);
        Request request = new Request.Builder().url(url.build()).header("Accept", accept).get().build();
        try (Response response = connection.client().getHttpClient().newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw new ApiException(response.code(), response.headers().toMultimap(), body);
            }
            return MAPPER.readTree(body);
        } catch (IOException | ApiException e) {
            throw new ClusterException(ClusterErrors.describe(e, connection.context(), connection.server()), e);
        }
    }

    /** kubectl's wording for a Status reply: {@code Error from server (Reason): message}. */
    private static String serverError(ApiException api) {
        try {
            JsonNode status = MAPPER.readTree(api.getResponseBody());
            return "Error from server (" + status.path("reason").asText() + "): " + status.path("message").asText();
        } catch (IOException | RuntimeException notAStatus) {
            return "Error from server: " + api.getCode() + " " + api.getResponseBody();
        }
    }
}
