package dev.podscope.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podscope.session.ClusterErrors;
import dev.podscope.session.ClusterException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Plain JSON GETs against the API server as it answers them (no client-java models in between, so a bundle holds
 * the server's own JSON). Lists come in pages of {@value #PAGE} following {@code continue}, one page in memory at
 * a time. A 403 or 404 is a {@link Refused} the caller records; anything else ends the export.
 */
final class ApiReads {
    static final int PAGE = 500;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ApiClient client;
    private final OkHttpClient http;
    private final String server;
    private final String context;

    ApiReads(ApiClient client, String context) {
        this.client = client;
        // a session's client may have no read timeout (for watches): a bundle must not hang on a dead server
        this.http = client.getHttpClient().newBuilder().readTimeout(60, TimeUnit.SECONDS).build();
        this.server = client.getBasePath();
        this.context = context;
    }

    String context() {
        return context;
    }

    interface PageHandler {
        void page(ObjectNode page) throws IOException;
    }

    ObjectNode get(String path, Map<String, String> query) throws Refused {
        try (Response response = http.newCall(request(path, query)).execute()) {
            String body = response.body().string();
            if (response.code() == 403 || response.code() == 404) {
                throw new Refused(response.code(), statusMessage(body));
            }
            if (!response.isSuccessful()) {
                throw new ApiException(response.code(), response.headers().toMultimap(), body);
            }
            JsonNode json = MAPPER.readTree(body);
            if (!(json instanceof ObjectNode object)) {
                throw new IOException("the server answered " + path + " with something that is not a JSON object");
            }
            return object;
        } catch (IOException | ApiException e) {
            throw new ClusterException(ClusterErrors.describe(e, context, server), e);
        }
    }

    /** Built by the client, so that its authentication (bearer token, API key, interceptors) applies. */
    private Request request(String path, Map<String, String> query) throws ApiException {
        List<Pair> pairs = new ArrayList<>();
        query.forEach((k, v) -> pairs.add(new Pair(k, v)));
        Map<String, String> headers = new HashMap<>(Map.of("Accept", "application/json"));
        return client.buildCall(null, path, "GET", pairs, new ArrayList<>(), null, headers, new HashMap<>(),
                new HashMap<>(), new String[] {"BearerToken"}, null).request();
    }

    /** Every page of the list at {@code path}; the handler sees each before the next is read. */
    void pages(String path, Map<String, String> query, PageHandler handler) throws Refused, IOException {
        Map<String, String> pageQuery = new LinkedHashMap<>(query);
        pageQuery.put("limit", String.valueOf(PAGE));
        while (true) {
            ObjectNode page = get(path, pageQuery);
            handler.page(page);
            String next = page.path("metadata").path("continue").asText("");
            if (next.isEmpty()) {
                return;
            }
            pageQuery.put("continue", next);
        }
    }

    private static String statusMessage(String body) {
        try {
            JsonNode status = MAPPER.readTree(body);
            String message = status.path("message").asText("");
            if (!message.isEmpty()) {
                return message;
            }
        } catch (IOException | RuntimeException notAStatus) {
            // plain text from a proxy
        }
        return body.strip().lines().findFirst().orElse("no reason given");
    }

    /** The server refused (403) or does not have (404) what was asked for. */
    static final class Refused extends Exception {
        private final int code;

        Refused(int code, String message) {
            super(message);
            this.code = code;
        }

        int code() {
            return code;
        }

        /** The manifest's wording: "forbidden: ..." or "not found: ...". */
        String reason() {
            return (code == 403 ? "forbidden: " : "not found: ") + getMessage();
        }
    }
}
