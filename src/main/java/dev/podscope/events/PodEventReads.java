package dev.podscope.events;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.podscope.format.ModelJson;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.CoreV1EventList;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Status;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;
import okhttp3.Response;

/**
 * Reads core/v1 events: those of one pod, selected by {@code involvedObject.name/namespace/uid} as kubectl describe
 * selects them, and the live events of a namespace (list, then watch). No JavaFX; callers run it off the FX thread.
 */
public final class PodEventReads {

    static final int PAGE_SIZE = 500;

    private final ApiClient client;
    private final CoreV1Api api;

    public PodEventReads(ApiClient client) {
        this.client = client;
        this.api = new CoreV1Api(client);
    }

    /** The events about a pod, in kubectl describe's order. */
    public List<CoreV1Event> podEvents(V1Pod pod) throws ApiException, IOException {
        V1ObjectMeta meta = pod.getMetadata();
        return podEvents(meta.getNamespace(), meta.getName(), mirrorAwareUid(meta));
    }

    /** The field selector for a pod's events: by its name, namespace and uid (a static pod's: its mirror's source uid). */
    public static String selector(V1Pod pod) {
        V1ObjectMeta meta = pod.getMetadata();
        return selector(meta.getNamespace(), meta.getName(), mirrorAwareUid(meta));
    }

    /** The events about the pod named {@code name} (and with this uid when it is not null). */
    public List<CoreV1Event> podEvents(String namespace, String name, String uid) throws ApiException, IOException {
        String selector = selector(namespace, name, uid);
        return EventOrder.sorted(list(namespace, selector).items());
    }

    /** {@code involvedObject.name=N,involvedObject.namespace=NS[,involvedObject.uid=U]}, as client-go builds it. */
    public static String selector(String namespace, String name, String uid) {
        StringBuilder sb = new StringBuilder("involvedObject.name=").append(name)
                .append(",involvedObject.namespace=").append(namespace);
        if (uid != null && !uid.isEmpty()) {
            sb.append(",involvedObject.uid=").append(uid);
        }
        return sb.toString();
    }

    /** Static pods' events refer to the mirror pod's source uid, as kubectl describe knows. */
    static String mirrorAwareUid(V1ObjectMeta meta) {
        if (meta.getAnnotations() != null && meta.getAnnotations().containsKey("kubernetes.io/config.mirror")) {
            return meta.getAnnotations().get("kubernetes.io/config.mirror");
        }
        return meta.getUid();
    }

    /** One list, all pages; {@code selector} may be null. Returns the events and the list's resourceVersion. */
    Listing list(String namespace, String selector) throws ApiException, IOException {
        List<CoreV1Event> all = new ArrayList<>();
        String next = null;
        String version = null;
        do {
            Call call = namespace == null
                    ? api.listEventForAllNamespaces().fieldSelector(selector).limit(PAGE_SIZE)._continue(next).buildCall(null)
                    : api.listNamespacedEvent(namespace).fieldSelector(selector).limit(PAGE_SIZE)._continue(next)
                        .buildCall(null);
            CoreV1EventList page;
            try (Response response = execute(call)) {
                page = ModelJson.decode(response.body().charStream(), CoreV1EventList.class);
            }
            all.addAll(page.getItems());
            version = version == null && page.getMetadata() != null ? page.getMetadata().getResourceVersion() : version;
            next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        } while (next != null && !next.isEmpty());
        return new Listing(all, version);
    }

    /**
     * Lists the events of {@code namespace} (null: all namespaces) that match {@code fieldSelector} (null: all of them)
     * and follows their changes on a daemon thread until the returned watch is closed. The listener is called on that
     * thread. A pod's detail passes {@link #selector(V1Pod)} so that the server filters a busy namespace for it.
     */
    public EventWatch watch(String namespace, String fieldSelector, EventListener listener) {
        NamespaceEventWatch watch = new NamespaceEventWatch(this, namespace, fieldSelector, listener);
        watch.start();
        return watch;
    }

    /** Opens a watch from {@code version}; the server ends it after {@code timeoutSeconds}. */
    WatchLines openWatch(String namespace, String selector, String version, int timeoutSeconds)
            throws ApiException, IOException {
        Call call = namespace == null
                ? api.listEventForAllNamespaces().fieldSelector(selector).watch(true).allowWatchBookmarks(true)
                    .resourceVersion(version).timeoutSeconds(timeoutSeconds).buildCall(null)
                : api.listNamespacedEvent(namespace).fieldSelector(selector).watch(true).allowWatchBookmarks(true)
                    .resourceVersion(version).timeoutSeconds(timeoutSeconds).buildCall(null);
        Response response = execute(call);
        return new WatchLines(call, response, new BufferedReader(response.body().charStream()));
    }

    private Response execute(Call call) throws ApiException, IOException {
        Response response = call.execute();
        if (!response.isSuccessful()) {
            try (response) {
                throw new ApiException(response.code(), response.headers().toMultimap(), response.body().string());
            }
        }
        return response;
    }

    record Listing(List<CoreV1Event> items, String resourceVersion) {
    }

    /** One decoded watch line. */
    record Change(String type, CoreV1Event event, V1Status status) {
    }

    /** The lines of one watch response; closing cancels it. */
    static final class WatchLines implements AutoCloseable {
        private final Call call;
        private final Response response;
        private final BufferedReader lines;

        WatchLines(Call call, Response response, BufferedReader lines) {
            this.call = call;
            this.response = response;
            this.lines = lines;
        }

        /** The next change, or null when the server ended the watch. */
        Change next() throws IOException {
            String line = lines.readLine();
            while (line != null && line.isBlank()) {
                line = lines.readLine();
            }
            if (line == null) {
                return null;
            }
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            String type = o.get("type").getAsString();
            if ("ERROR".equals(type)) {
                return new Change(type, null, ModelJson.decode(o.get("object"), V1Status.class));
            }
            return new Change(type, ModelJson.decode(o.get("object"), CoreV1Event.class), null);
        }

        @Override
        public void close() {
            call.cancel();
            response.close();
        }
    }
}
