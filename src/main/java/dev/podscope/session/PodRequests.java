package dev.podscope.session;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.podscope.format.ModelJson;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.openapi.models.V1Status;
import okhttp3.Call;
import okhttp3.Response;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * The pod list and watch requests, decoded by streaming into the model classes without client-java's per-model
 * validation, which builds a JSON tree for every nested object and made a 10,000-pod list several times slower.
 */
final class PodRequests {
    private final CoreV1Api api;

    PodRequests(CoreV1Api api) {
        this.api = api;
    }

    /** Pods of one namespace, or of all (namespace null). */
    V1PodList list(String namespace) throws ApiException, IOException {
        Call call = namespace == null
                ? api.listPodForAllNamespaces().buildCall(null)
                : api.listNamespacedPod(namespace).buildCall(null);
        try (Response response = execute(call); Reader body = response.body().charStream()) {
            return ModelJson.decode(body, V1PodList.class);
        }
    }

    /** A watch from {@code version}; the server ends it after {@code timeoutSeconds}. */
    Stream watch(String namespace, String version, int timeoutSeconds) throws ApiException, IOException {
        Call call = namespace == null
                ? api.listPodForAllNamespaces().watch(true).allowWatchBookmarks(true)
                    .resourceVersion(version).timeoutSeconds(timeoutSeconds).buildCall(null)
                : api.listNamespacedPod(namespace).watch(true).allowWatchBookmarks(true)
                    .resourceVersion(version).timeoutSeconds(timeoutSeconds).buildCall(null);
        Response response = execute(call);
        return new Stream(call, response, new BufferedReader(response.body().charStream()));
    }

    private static Response execute(Call call) throws ApiException, IOException {
        Response response = call.execute();
        if (!response.isSuccessful()) {
            try (response) {
                throw new ApiException(response.code(), response.headers().toMultimap(), response.body().string());
            }
        }
        return response;
    }

    /** One line of a watch: ADDED, MODIFIED, DELETED or BOOKMARK with a pod, or ERROR with a Status. */
    record Event(String type, V1Pod pod, V1Status status) {
    }

    /** The events of one watch, in order; closing it cancels the request. */
    static final class Stream implements Closeable {
        private final Call call;
        private final Response response;
        private final BufferedReader lines;

        private Stream(Call call, Response response, BufferedReader lines) {
            this.call = call;
            this.response = response;
            this.lines = lines;
        }

        /** The next event, or null when the server ended the watch. */
        Event next() throws IOException {
            String line = lines.readLine();
            while (line != null && line.isBlank()) {
                line = lines.readLine();
            }
            if (line == null) {
                return null;
            }
            JsonObject event = JsonParser.parseString(line).getAsJsonObject();
            String type = event.get("type").getAsString();
            if ("ERROR".equals(type)) {
                return new Event(type, null, ModelJson.decode(event.get("object"), V1Status.class));
            }
            return new Event(type, ModelJson.decode(event.get("object"), V1Pod.class), null);
        }

        @Override
        public void close() {
            call.cancel();
            response.close();
        }
    }
}
