package dev.podscope.sandbox.api;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.Snapshot;
import dev.podscope.sandbox.store.StoreEvent;
import dev.podscope.sandbox.store.StoreException;
import dev.podscope.sandbox.store.StoreWatch;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.common.KubernetesObject;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watch streams with the API server's semantics: JSON lines of {@code {"type","object"}} events, synthetic ADDED
 * events for a watch from "0" or no resourceVersion, a 410 ERROR event for a compacted one, BOOKMARKs on request,
 * and the end of the stream at {@code timeoutSeconds}, when the watcher falls behind, or when the server stops.
 */
final class Watches {
    /** How often a waiting stream looks at its deadline, its bookmarks and whether it was closed. */
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration BOOKMARK_INTERVAL = Duration.ofSeconds(5);
    private static final int SNAPSHOT_ATTEMPTS = 5;

    private final ClusterStore store;
    private final Set<StoreWatch> open = ConcurrentHashMap.newKeySet();

    Watches(ClusterStore store) {
        this.store = store;
    }

    /** Ends every open stream, so that clients see their watches close. */
    void closeAll() {
        open.forEach(StoreWatch::close);
    }

    void stream(ResourceRequest request, Response response, Callback callback) throws IOException {
        ListQuery query = request.query();
        ResourceType<KubernetesObject> type = request.typeErased();
        Optional<TableWriter> table =
                request.table().map(f -> new TableWriter(type, f, store.clock()));
        List<StoredObject<KubernetesObject>> initial = List.of();
        StoreWatch watch;
        try {
            if (query.revision() == 0) {
                Start start = startFromSnapshot(type, request.namespace(), query);
                initial = start.initial();
                watch = start.watch();
            } else {
                watch = store.watch(type, request.namespace(), query.revision());
            }
        } catch (StoreException e) {
            try (OutputStream out = Replies.stream(response, 200)) {
                writeEvent(out, "ERROR", ApiError.from(e, null, null).statusJson());
            }
            callback.succeeded();
            return;
        }
        List<StoredObject<KubernetesObject>> known = query.revision() == 0 || query.selectsEverything()
                ? initial : store.list(type, request.namespace()).items();
        var stream = new EventStream(request.view(), query, table, new WatchFilter(query, known));
        open.add(watch);
        try (watch; OutputStream out = Replies.stream(response, 200)) {
            for (StoredObject<KubernetesObject> stored : initial) {
                stream.send(out, "ADDED", stored.object(), stored.json());
            }
            out.flush();
            stream.follow(watch, out);
        } finally {
            open.remove(watch);
        }
        callback.succeeded();
    }

    private record Start(List<StoredObject<KubernetesObject>> initial, StoreWatch watch) {
    }

    /**
     * The current objects and a watch that continues right after them. Only a tiny history can compact the
     * snapshot's revision away before the watch starts; then a new snapshot is taken, because a client that asked
     * for "any version" must not get 410.
     */
    private Start startFromSnapshot(ResourceType<KubernetesObject> type, String namespace, ListQuery query) {
        for (int attempt = 1; ; attempt++) {
            Snapshot<KubernetesObject> snapshot = store.list(type, namespace);
            try {
                StoreWatch watch = store.watch(type, namespace, snapshot.revision());
                return new Start(snapshot.items().stream().filter(s -> query.matches(s.object())).toList(), watch);
            } catch (StoreException e) {
                if (attempt == SNAPSHOT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private final class EventStream {
        private final ObjectView type;
        private final ListQuery query;
        private final Optional<TableWriter> table;
        private final WatchFilter filter;
        private boolean columnsSent;

        EventStream(ObjectView type, ListQuery query, Optional<TableWriter> table, WatchFilter filter) {
            this.type = type;
            this.query = query;
            this.table = table;
            this.filter = filter;
        }

        void follow(StoreWatch watch, OutputStream out) throws IOException {
            long started = System.nanoTime();
            long limit = query.timeout() == null ? Long.MAX_VALUE : query.timeout().toNanos();
            long nextBookmark = started + BOOKMARK_INTERVAL.toNanos();
            while (true) {
                long remaining = limit - (System.nanoTime() - started);
                if (remaining <= 0) {
                    return;
                }
                StoreEvent event = next(watch, Duration.ofNanos(Math.min(remaining, POLL.toNanos())));
                if (event == null) {
                    if (watch.isClosed()) {
                        return;
                    }
                    if (query.bookmarks() && System.nanoTime() - nextBookmark >= 0) {
                        nextBookmark = System.nanoTime() + BOOKMARK_INTERVAL.toNanos();
                        event = bookmarkOrNext(watch, out);
                    }
                    if (event == null) {
                        continue;
                    }
                }
                String eventType = filter.eventType(event);
                if (eventType != null) {
                    send(out, eventType, event.object(), event.json());
                    out.flush();
                }
            }
        }

        void send(OutputStream out, String eventType, KubernetesObject object, byte[] stored) throws IOException {
            byte[] json = type.json(stored);
            if (table.isEmpty()) {
                writeEvent(out, eventType, json);
                return;
            }
            writeEvent(out, eventType, table.get().eventTable(object, json, !columnsSent));
            columnsSent = true;
        }

        /**
         * Sends a BOOKMARK at the store's current revision, unless a change arrived meanwhile (returned to be sent
         * instead): reading the revision first and then finding no pending change proves that every change up to
         * that revision has already been sent.
         */
        private StoreEvent bookmarkOrNext(StoreWatch watch, OutputStream out) throws IOException {
            long revision = store.revision();
            StoreEvent pending = next(watch, Duration.ZERO);
            if (pending == null) {
                String object = "{\"kind\":\"" + type.kind() + "\",\"apiVersion\":\"" + type.apiVersion()
                        + "\",\"metadata\":{\"resourceVersion\":\"" + revision + "\"}}";
                writeEvent(out, "BOOKMARK", object.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            return pending;
        }

        private static StoreEvent next(StoreWatch watch, Duration timeout) throws IOException {
            try {
                return watch.next(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("watch interrupted", e);
            }
        }
    }

    private static void writeEvent(OutputStream out, String type, byte[] object) throws IOException {
        out.write(("{\"type\":\"" + type + "\",\"object\":").getBytes(StandardCharsets.UTF_8));
        out.write(object);
        out.write("}\n".getBytes(StandardCharsets.UTF_8));
    }
}
