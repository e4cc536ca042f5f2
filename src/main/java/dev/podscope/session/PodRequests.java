package dev.podscope.session;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.podscope.format.ModelJson;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ListMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.openapi.models.V1Status;
import okhttp3.Call;
import okhttp3.Response;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The pod list and watch requests, decoded by streaming into the model classes without client-java's per-model
 * validation, which builds a JSON tree for every nested object and made a 10,000-pod list several times slower.
 */
final class PodRequests {
    private static final int PAGE_SIZE = 500;
    private static final int DECODERS = 2;
    private final CoreV1Api api;

    PodRequests(CoreV1Api api) {
        this.api = api;
    }

    /**
     * Pods of one namespace, or of all (namespace null), fetched in pages as kubectl and client-go's pager do. Each
     * page is decoded on a second thread while the next one downloads; on a 10,000-pod cluster decoding is most of
     * the first load. The list's version is the first page's: a watch from there replays changes made while the later
     * pages were read, and those are applied idempotently.
     */
    V1PodList list(String namespace) throws ApiException, IOException {
        ExecutorService decoders = Executors.newFixedThreadPool(DECODERS,
                Thread.ofPlatform().daemon().name("podscope-decode-", 0).factory());
        try {
            List<Future<V1PodList>> pages = new ArrayList<>();
            String next = null;
            String version = null;
            do {
                byte[] page = fetch(namespace, next);
                V1ListMeta meta = ListMetadata.read(page);
                version = version == null ? meta.getResourceVersion() : version;
                next = meta.getContinue();
                pages.add(decoders.submit(() -> ModelJson.decode(
                        new InputStreamReader(new ByteArrayInputStream(page), StandardCharsets.UTF_8), V1PodList.class)));
            } while (next != null && !next.isEmpty());
            V1PodList all = new V1PodList().metadata(new V1ListMeta().resourceVersion(version)).items(new ArrayList<>());
            for (Future<V1PodList> page : pages) {
                all.getItems().addAll(page.get().getItems());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing pods", e);
        } catch (ExecutionException e) {
            throw new IOException("cannot decode the pod list: " + e.getCause().getMessage(), e.getCause());
        } finally {
            decoders.shutdownNow();
        }
    }

    private byte[] fetch(String namespace, String continueToken) throws ApiException, IOException {
        Call call = namespace == null
                ? api.listPodForAllNamespaces().limit(PAGE_SIZE)._continue(continueToken).buildCall(null)
                : api.listNamespacedPod(namespace).limit(PAGE_SIZE)._continue(continueToken).buildCall(null);
        try (Response response = execute(call)) {
            return response.body().bytes();
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
