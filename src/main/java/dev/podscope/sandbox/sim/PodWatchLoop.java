package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoreEvent;
import dev.podscope.sandbox.store.StoreException;
import dev.podscope.sandbox.store.StoreWatch;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Follows the store's pod watch on its own thread and hands each change to the simulator thread. When the watch
 * is cut off (the simulator fell behind, or its revision was compacted) it starts over from the current revision
 * and asks for a resync, as an informer relists.
 */
final class PodWatchLoop implements Runnable {
    private static final Duration POLL = Duration.ofMillis(500);

    private final ClusterStore store;
    private final Consumer<StoreEvent> onChange;
    private final Runnable onResync;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile StoreWatch watch;
    private long revision;

    PodWatchLoop(ClusterStore store, long fromRevision, Consumer<StoreEvent> onChange, Runnable onResync) {
        this.store = store;
        this.revision = fromRevision;
        this.onChange = onChange;
        this.onResync = onResync;
        this.thread = Thread.ofPlatform().daemon().name("podscope-simulator-watch").unstarted(this);
    }

    void start() {
        watch = open();
        thread.start();
    }

    void stop() {
        stopped = true;
        StoreWatch current = watch;
        if (current != null) {
            current.close();
        }
        thread.interrupt();
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                if (watch.isClosed()) {
                    if (stopped) {
                        return;
                    }
                    revision = store.revision();
                    watch = open();
                    if (stopped) {
                        watch.close();
                        return;
                    }
                    onResync.run();
                    continue;
                }
                StoreEvent event = watch.next(POLL);
                if (event != null) {
                    revision = event.revision();
                    onChange.accept(event);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private StoreWatch open() {
        try {
            return store.watch(Resources.PODS, null, revision);
        } catch (StoreException gone) {
            revision = store.revision();
            onResync.run();
            return store.watch(Resources.PODS, null, revision);
        }
    }
}
