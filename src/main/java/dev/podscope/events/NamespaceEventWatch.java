package dev.podscope.events;

import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * List-then-watch loop for a namespace's events (optionally only those matching a field selector, e.g. one pod's) on
 * one daemon thread. A watch that ends normally resumes from the
 * last seen resourceVersion; a 410 Gone (the version expired) lists again; errors retry with a capped back-off.
 */
final class NamespaceEventWatch implements EventWatch, Runnable {

    private static final int WATCH_SECONDS = 300;
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final PodEventReads reads;
    private final String namespace;
    private final String fieldSelector;
    private final EventListener listener;
    private final Thread thread;
    private volatile boolean closed;
    private volatile PodEventReads.WatchLines current;

    NamespaceEventWatch(PodEventReads reads, String namespace, String fieldSelector, EventListener listener) {
        this.reads = reads;
        this.namespace = namespace;
        this.fieldSelector = fieldSelector;
        this.listener = listener;
        this.thread = Thread.ofPlatform().daemon().name("podscope-events-" + (namespace == null ? "all" : namespace))
                .unstarted(this);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        String version = null;
        long delayMillis = 500;
        while (!closed) {
            try {
                if (version == null) {
                    PodEventReads.Listing listing = reads.list(namespace, fieldSelector);
                    listener.onList(EventOrder.sorted(listing.items()));
                    version = listing.resourceVersion();
                }
                try (PodEventReads.WatchLines lines = reads.openWatch(namespace, fieldSelector, version, WATCH_SECONDS)) {
                    current = lines;
                    delayMillis = 500;
                    PodEventReads.Change change;
                    while (!closed && (change = lines.next()) != null) {
                        if ("ERROR".equals(change.type())) {
                            Integer code = change.status() == null ? null : change.status().getCode();
                            version = null; // 410 Gone or another error: start over with a fresh list
                            if (code == null || code != 410) {
                                listener.onError(change.status() == null ? "watch error"
                                        : String.valueOf(change.status().getMessage()));
                            }
                            break;
                        }
                        if (change.event() != null && change.event().getMetadata() != null) {
                            version = change.event().getMetadata().getResourceVersion();
                        }
                        if (!"BOOKMARK".equals(change.type())) {
                            listener.onChange(change.type(), change.event());
                        }
                    }
                }
            } catch (ApiException e) {
                if (closed) {
                    return;
                }
                if (e.getCode() == 410) {
                    version = null;
                    continue;
                }
                listener.onError(e.getCode() == 403 ? "not allowed to read events (HTTP 403)"
                        : "cannot read events: HTTP " + e.getCode());
                delayMillis = pause(delayMillis);
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                listener.onError("cannot read events: " + e.getMessage());
                delayMillis = pause(delayMillis);
            }
        }
    }

    private long pause(long delayMillis) {
        try {
            Thread.sleep(delayMillis + ThreadLocalRandom.current().nextLong(delayMillis / 4 + 1));
        } catch (InterruptedException e) {
            closed = true;
        }
        return Math.min(delayMillis * 2, MAX_DELAY.toMillis());
    }

    @Override
    public void close() {
        closed = true;
        PodEventReads.WatchLines lines = current;
        if (lines != null) {
            lines.close();
        }
        thread.interrupt();
    }
}
