package dev.podscope.pods.detail;

import com.google.gson.reflect.TypeToken;
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
 * List-then-watch of core/v1 events on one background thread: in a namespace (or all), optionally narrowed by a field
 * selector ({@code involvedObject.uid=…} for one pod). Re-watches from the last version when the server ends a watch,
 * relists on 410 Gone, retries with back-off after a failure. The listener is called on that thread.
 */
public final class EventFeed implements AutoCloseable {
    private static final Type WATCH_TYPE = new TypeToken<Watch.Response<CoreV1Event>>() { }.getType();

    /** Called on the feed's thread. */
    public interface Listener {
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

    private EventFeed(ApiClient client, String namespace, String fieldSelector, Listener listener) {
        this.client = client;
        this.namespace = namespace;
        this.fieldSelector = fieldSelector;
        this.listener = listener;
    }

    /** The events of {@code pod}, as kubectl describe selects them: by the pod's uid, name and namespace. */
    public static EventFeed start(ApiClient client, V1Pod pod, Listener listener) {
        String selector = "involvedObject.name=" + pod.getMetadata().getName()
                + ",involvedObject.namespace=" + pod.getMetadata().getNamespace()
                + (pod.getMetadata().getUid() == null ? "" : ",involvedObject.uid=" + pod.getMetadata().getUid());
        return start(client, pod.getMetadata().getNamespace(), selector, listener);
    }

    /** {@code namespace} null for all namespaces; {@code fieldSelector} may be null. */
    public static EventFeed start(ApiClient client, String namespace, String fieldSelector, Listener listener) {
        EventFeed feed = new EventFeed(client, namespace, fieldSelector, listener);
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
        CoreV1EventList list = namespace == null
                ? new CoreV1Api(client).listEventForAllNamespaces().fieldSelector(fieldSelector).execute()
                : new CoreV1Api(client).listNamespacedEvent(namespace).fieldSelector(fieldSelector).execute();
        listener.listed(list.getItems());
        return list.getMetadata() == null ? null : list.getMetadata().getResourceVersion();
    }

    /** Returns the version to watch from next, or null to relist. */
    private String watchFrom(String version) throws ApiException, IOException {
        CoreV1Api api = new CoreV1Api(client);
        var call = namespace == null
                ? api.listEventForAllNamespaces().fieldSelector(fieldSelector).resourceVersion(version)
                        .allowWatchBookmarks(true).timeoutSeconds(300).watch(true).buildCall(null)
                : api.listNamespacedEvent(namespace).fieldSelector(fieldSelector).resourceVersion(version)
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
