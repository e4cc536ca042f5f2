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
    private final StoppableListener listener;
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    private volatile String namespace;
    private volatile boolean stopped;
    private volatile Watch<V1Pod> watch;
    private final Duration watchTimeout;
    private volatile String lastVersion;
    private boolean live;

    /** Watches all namespaces; falls back to {@code fallbackNamespace} when that is forbidden. */
    PodWatcher(ApiClient client, String context, String fallbackNamespace, PodListener listener) {
        this(client, context, fallbackNamespace, listener, Duration.ofMinutes(5));
    }

    /** {@code watchTimeout}: each watch asks the server to end it after this long (plus jitter), as client-go does. */
    PodWatcher(ApiClient client, String context, String fallbackNamespace, PodListener listener, Duration watchTimeout) {
        this.watchTimeout = watchTimeout;
        this.client = client;
        this.api = new CoreV1Api(client);
        this.context = context;
        this.fallbackNamespace = fallbackNamespace;
        this.listener = new StoppableListener(listener);
    }

    /** The namespace being watched, or null for all namespaces. */
    String namespace() {
        return namespace;
    }

    void stop() {
        stopped = true;
        listener.stop();
        closeWatch();
    }

    @Override
    public void run() {
        listener.state(ConnectionState.CONNECTING, null);
        String version = null;
        while (!stopped) {
            try {
                if (version == null) {
                    version = list();
                }
                version = watchFrom(version);
                if (version == null && !stopped) {
                    // the data shown predates the compaction: stale until the relist replaces it
                    live = false;
                    listener.state(ConnectionState.RECONNECTING, "The cluster no longer has the changes since the"
                            + " last version seen (410 Gone); listing all pods again");
                }
            } catch (Exception e) {
                if (stopped) {
                    return;
                }
                if (namespace == null && ClusterErrors.httpCode(e) == 403) {
                    namespace = fallbackNamespace;
                    version = null;
                    listener.state(ConnectionState.CONNECTING, "Listing pods in all namespaces is forbidden;"
                            + " showing namespace \"" + fallbackNamespace + "\" only");
                    continue;
                }
                String message = ClusterErrors.describe(e, context, client.getBasePath());
                if (ClusterErrors.isPermanent(e)) {
                    listener.state(ConnectionState.FAILED, message);
                    return;
                }
                live = false;
                listener.state(ConnectionState.RECONNECTING, message);
                version = lastVersion;
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
        if (stopped) {
            return null;
        }
        lastVersion = list.getMetadata().getResourceVersion();
        listener.reset(pods);
        markLive();
        return lastVersion;
    }

    /**
     * Watches from {@code version}, re-watching whenever the server ends a watch. Returns null when the version is
     * too old (410 Gone) so the caller relists; throws when the connection fails, leaving {@link #lastVersion} at
     * the last change seen so that the watch can resume from there.
     */
    private String watchFrom(String version) throws ApiException, IOException {
        lastVersion = version;
        while (!stopped) {
            long base = Math.max(1, watchTimeout.toSeconds());
            int timeout = (int) (base + ThreadLocalRandom.current().nextLong(base));
            Call call = namespace == null
                    ? api.listPodForAllNamespaces().watch(true).allowWatchBookmarks(true)
                        .resourceVersion(lastVersion).timeoutSeconds(timeout).buildCall(null)
                    : api.listNamespacedPod(namespace).watch(true).allowWatchBookmarks(true)
                        .resourceVersion(lastVersion).timeoutSeconds(timeout).buildCall(null);
            try (Watch<V1Pod> w = Watch.createWatch(client, call, EVENT_TYPE)) {
                watch = w;
                markLive();
                for (Watch.Response<V1Pod> event : w) {
                    if ("ERROR".equals(event.type)) {
                        if (isGone(event.status)) {
                            return null;
                        }
                        throw new IOException("watch error: " + describe(event.status));
                    }
                    lastVersion = apply(event, lastVersion);
                }
            } finally {
                watch = null;
            }
        }
        return lastVersion;
    }

    private void markLive() {
        backoff.reset();
        if (!live) {
            live = true;
            listener.state(ConnectionState.LIVE, null);
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
