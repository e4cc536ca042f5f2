package dev.podscope.pods;

import dev.podscope.session.ConnectionState;
import dev.podscope.session.PodListener;
import io.kubernetes.client.openapi.models.V1Pod;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Sits between a session's watch thread and the UI. The watch thread prints each pod's row and enqueues it (it
 * never waits on the UI); the first event after a drain schedules one drain on the UI executor, which coalesces
 * everything queued so far into a single {@link PodBatch}. Bursts of thousands of events therefore cost one table update, not thousands.
 * After {@link #close()} nothing more is delivered, so a closed session's late events cannot reach a new one.
 */
public final class PodEventBuffer implements PodListener {
    private final ConcurrentLinkedQueue<Event> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Executor uiExecutor;
    private final Clock clock;
    private final Consumer<PodBatch> consumer;
    private volatile boolean closed;

    public PodEventBuffer(Executor uiExecutor, Clock clock, Consumer<PodBatch> consumer) {
        this.uiExecutor = uiExecutor;
        this.clock = clock;
        this.consumer = consumer;
    }

    @Override
    public void reset(List<V1Pod> pods) {
        Instant now = clock.instant();
        offer(new Event(null, null, pods.stream().map(pod -> PrintedPod.of(pod, now)).toList(), null, null));
    }

    @Override
    public void changed(ChangeType type, V1Pod pod) {
        offer(new Event(type, type == ChangeType.DELETED ? new PrintedPod(pod, null) : PrintedPod.of(pod, clock.instant()),
                null, null, null));
    }

    @Override
    public void state(ConnectionState state, String message) {
        offer(new Event(null, null, null, state, message));
    }

    public void close() {
        closed = true;
        queue.clear();
    }

    private void offer(Event event) {
        if (closed) {
            return;
        }
        queue.add(event);
        if (drainScheduled.compareAndSet(false, true)) {
            uiExecutor.execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        PodBatch batch = coalesce();
        if (!closed && !batch.isEmpty()) {
            consumer.accept(batch);
        }
    }

    private PodBatch coalesce() {
        List<PrintedPod> reset = null;
        Set<PodKey> deleted = new HashSet<>();
        Map<PodKey, PrintedPod> upserted = new HashMap<>();
        ConnectionState state = null;
        String message = null;
        Event event;
        while ((event = queue.poll()) != null) {
            if (event.reset != null) {
                reset = event.reset;
                deleted.clear();
                upserted.clear();
            } else if (event.state != null) {
                state = event.state;
                message = event.message;
            } else {
                PodKey key = PodKey.of(event.pod.pod());
                if (event.type == ChangeType.DELETED) {
                    upserted.remove(key);
                    deleted.add(key);
                } else {
                    deleted.remove(key);
                    upserted.put(key, event.pod);
                }
            }
        }
        return new PodBatch(reset, deleted, upserted, state, message);
    }

    private record Event(ChangeType type, PrintedPod pod, List<PrintedPod> reset, ConnectionState state,
                         String message) {
    }
}
