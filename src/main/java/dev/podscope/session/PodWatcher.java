package dev.podscope.session;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.Watch;
import okhttp3.Call;

import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * List-then-watch of pods, as client-go's reflector does it: list, watch from the list's resourceVersion, re-watch
 * from the last seen version when the server ends a watch, relist on 410 Gone, and reconnect with back-off when the
 * connection breaks — telling the listener the data is stale meanwhile.
 */
final class PodWatcher implements Runnable {
    private static final Type EVENT_TYPE = new TypeToken<Watch.Response<V1Pod>>() { }.getType();

    private final ApiClient client;
    private final CoreV1Api api;
    private final String context;
    private final String fallbackNamespace;
    private final PodListener listener;
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    private volatile String namespace;
    private volatile boolean stopped;
    private volatile Watch<V1Pod> watch;

    /** Watches all namespaces; falls back to {@code fallbackNamespace} when that is forbidden. */
    PodWatcher(ApiClient client, String context, String fallbackNamespace, PodListener listener) {
        this.client = client;
        this.api = new CoreV1Api(client);
        this.context = context;
        this.fallbackNamespace = fallbackNamespace;
        this.listener = listener;
    }

    /** The namespace being watched, or null for all namespaces. */
    String namespace() {
        return namespace;
    }

    void stop() {
        stopped = true;
        closeWatch();
        listener.state(ConnectionState.STOPPED, null);
    }

    @Override
    public void run() {
        listener.state(ConnectionState.CONNECTING, null);
        while (!stopped) {
            try {
                String version = list();
                backoff.reset();
                watchFrom(version);
            } catch (Exception e) {
                if (stopped) {
                    return;
                }
                if (namespace == null && ClusterErrors.httpCode(e) == 403) {
                    namespace = fallbackNamespace;
                    listener.state(ConnectionState.CONNECTING, "Listing pods in all namespaces is forbidden;"
                            + " showing namespace \"" + fallbackNamespace + "\" only");
                    continue;
                }
                String message = ClusterErrors.describe(e, context, client.getBasePath());
                if (ClusterErrors.isPermanent(e)) {
                    listener.state(ConnectionState.FAILED, message);
                    return;
                }
                listener.state(ConnectionState.RECONNECTING, message);
                if (!sleep(backoff.nextDelay())) {
                    return;
                }
            }
        }
    }

    private String list() throws ApiException {
        V1PodList list = namespace == null
                ? api.listPodForAllNamespaces().execute()
                : api.listNamespacedPod(namespace).execute();
        List<V1Pod> pods = list.getItems();
        pods.forEach(PodWatcher::slim);
        listener.reset(pods);
        listener.state(ConnectionState.LIVE, null);
        return list.getMetadata().getResourceVersion();
    }

    /** Watches until the list must be redone (410) — returns normally — or the connection fails — throws. */
    private void watchFrom(String version) throws ApiException, IOException {
        String current = version;
        while (!stopped) {
            int timeout = 300 + ThreadLocalRandom.current().nextInt(300);
            Call call = namespace == null
                    ? api.listPodForAllNamespaces().watch(true).allowWatchBookmarks(true)
                        .resourceVersion(current).timeoutSeconds(timeout).buildCall(null)
                    : api.listNamespacedPod(namespace).watch(true).allowWatchBookmarks(true)
                        .resourceVersion(current).timeoutSeconds(timeout).buildCall(null);
            try (Watch<V1Pod> w = Watch.createWatch(client, call, EVENT_TYPE)) {
                watch = w;
                for (Watch.Response<V1Pod> event : w) {
                    if ("ERROR".equals(event.type)) {
                        if (isGone(event.status)) {
                            return;
                        }
                        throw new IOException("watch error: " + describe(event.status));
                    }
                    current = apply(event, current);
                }
            } finally {
                watch = null;
            }
            if (stopped) {
                return;
            }
        }
    }

    private String apply(Watch.Response<V1Pod> event, String current) {
        V1Pod pod = event.object;
        if (pod == null || pod.getMetadata() == null) {
            return current;
        }
        String version = pod.getMetadata().getResourceVersion();
        switch (event.type) {
            case "ADDED" -> listener.changed(PodListener.ChangeType.ADDED, slim(pod));
            case "MODIFIED" -> listener.changed(PodListener.ChangeType.MODIFIED, slim(pod));
            case "DELETED" -> listener.changed(PodListener.ChangeType.DELETED, slim(pod));
            default -> { } // BOOKMARK only moves the version on
        }
        return version != null ? version : current;
    }

    private static boolean isGone(V1Status status) {
        return status != null && Integer.valueOf(410).equals(status.getCode());
    }

    private static String describe(V1Status status) {
        return status == null ? "unknown" : status.getCode() + " " + status.getReason() + ": " + status.getMessage();
    }

    /** Managed fields are bulky and never shown; dropping them keeps 10,000 pods light. */
    private static V1Pod slim(V1Pod pod) {
        if (pod.getMetadata() != null) {
            pod.getMetadata().setManagedFields(null);
        }
        return pod;
    }

    private void closeWatch() {
        Watch<V1Pod> w = watch;
        if (w != null) {
            try {
                w.close();
            } catch (IOException | RuntimeException ignored) {
                // closing a broken stream has nothing left to tell
            }
        }
    }

    private boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay);
            return !stopped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
