package dev.podscope.pods.detail;

import com.google.gson.reflect.TypeToken;
import dev.podscope.events.PodEventReads;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.CoreV1EventList;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.Watch;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;

/**
 * List-then-watch of one pod's core/v1 events on a background thread, selected as kubectl describe selects them
 * ({@link PodEventReads#selector}). Re-watches from the last version when the server ends a watch, relists on 410
 * Gone, retries with back-off after a failure. The listener is called on that thread.
 * <p>
 * {@link PodEventReads#watch} follows a whole namespace; a pod's detail needs the server to filter by field selector,
 * so that opening one pod in a busy namespace reads only that pod's events.
 */
final class PodEventWatch implements AutoCloseable {
    private static final Type WATCH_TYPE = new TypeToken<Watch.Response<CoreV1Event>>() { }.getType();

    /** Called on the watch's thread. */
    interface Listener {
        void listed(List<CoreV1Event> events);

        void changed(CoreV1Event event, boolean deleted);

        void failed(String problem);
    }

    private final ApiClient client;
    private final String namespace;
    private final String fieldSelector;
    private final Listener listener;
    private volatile boolean closed;
    private volatile Watch<CoreV1Event> watch;
    private Thread thread;

    private PodEventWatch(ApiClient client, String namespace, String fieldSelector, Listener listener) {
        this.client = client;
        this.namespace = namespace;
        this.fieldSelector = fieldSelector;
        this.listener = listener;
    }

    /** The events of {@code pod}: by its name, namespace and uid (a static pod's: its mirror's source uid). */
    static PodEventWatch start(ApiClient client, V1Pod pod, Listener listener) {
        var meta = pod.getMetadata();
        String mirror = meta.getAnnotations() == null ? null : meta.getAnnotations().get("kubernetes.io/config.mirror");
        String selector = PodEventReads.selector(meta.getNamespace(), meta.getName(), mirror != null ? mirror : meta.getUid());
        return start(client, meta.getNamespace(), selector, listener);
    }

    private static PodEventWatch start(ApiClient client, String namespace, String fieldSelector, Listener listener) {
        PodEventWatch feed = new PodEventWatch(client, namespace, fieldSelector, listener);
        feed.thread = Thread.ofPlatform().daemon().name("podscope-events").start(feed::run);
        return feed;
    }

    private void run() {
        long backoff = 500;
        while (!closed) {
            try {
                String version = list();
                backoff = 500;
                while (!closed && version != null) {
                    version = watchFrom(version);
                }
            } catch (ApiException e) {
                if (!closed) {
                    listener.failed(e.getCode() == 403 ? "Not allowed to read events: " + reason(e)
                            : "Events cannot be read: " + reason(e));
                }
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    listener.failed("Events are not updated, reconnecting: " + e.getMessage());
                }
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, 30_000);
        }
    }

    private String list() throws ApiException {
        CoreV1EventList list = new CoreV1Api(client).listNamespacedEvent(namespace).fieldSelector(fieldSelector).execute();
        listener.listed(list.getItems());
        return list.getMetadata() == null ? null : list.getMetadata().getResourceVersion();
    }

    /** Returns the version to watch from next, or null to relist. */
    private String watchFrom(String version) throws ApiException, IOException {
        CoreV1Api api = new CoreV1Api(client);
        var call = api.listNamespacedEvent(namespace).fieldSelector(fieldSelector).resourceVersion(version)
                .allowWatchBookmarks(true).timeoutSeconds(300).watch(true).buildCall(null);
        String last = version;
        try (Watch<CoreV1Event> w = Watch.createWatch(client, call, WATCH_TYPE)) {
            watch = w;
            for (Watch.Response<CoreV1Event> event : w) {
                if (closed) {
                    return null;
                }
                if ("ERROR".equals(event.type)) {
                    V1Status status = event.status;
                    return status != null && Integer.valueOf(410).equals(status.getCode()) ? null : last;
                }
                if (event.object != null && event.object.getMetadata() != null) {
                    last = event.object.getMetadata().getResourceVersion();
                }
                if ("BOOKMARK".equals(event.type)) {
                    continue;
                }
                listener.changed(event.object, "DELETED".equals(event.type));
            }
        } finally {
            watch = null;
        }
        return last;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private static String reason(ApiException e) {
        return e.getCode() == 0 ? String.valueOf(e.getMessage()) : "the API server answered " + e.getCode();
    }

    @Override
    public void close() {
        closed = true;
        Watch<CoreV1Event> w = watch;
        if (w != null) {
            try {
                w.close();
            } catch (IOException e) {
                // already closed
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
