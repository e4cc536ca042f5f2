package dev.podscope.sandbox.store;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A subscription to the changes of one resource type (optionally one namespace), fed by the store in commit order.
 * A consumer that falls too far behind is cut off ({@link #overflowed()}), as an API server ends a slow watch.
 */
public final class StoreWatch implements AutoCloseable {
    private final ResourceType<?> resource;
    private final String namespace;
    private final BlockingQueue<StoreEvent> queue;
    private final Runnable onClose;
    private volatile boolean closed;
    private volatile boolean overflowed;

    StoreWatch(ResourceType<?> resource, String namespace, int capacity, Runnable onClose) {
        this.resource = resource;
        this.namespace = namespace;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onClose = onClose;
    }

    boolean matches(StoreEvent event) {
        return event.resource() == resource && (namespace == null || namespace.equals(event.namespace()));
    }

    void offer(StoreEvent event) {
        if (!closed && !queue.offer(event)) {
            overflowed = true;
            close();
        }
    }

    /** The next event, or null when none arrived within the timeout or the watch is closed. */
    public StoreEvent next(Duration timeout) throws InterruptedException {
        if (closed && queue.isEmpty()) {
            return null;
        }
        return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isClosed() {
        return closed && queue.isEmpty();
    }

    public boolean overflowed() {
        return overflowed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
