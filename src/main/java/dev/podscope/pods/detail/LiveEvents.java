package dev.podscope.pods.detail;

import dev.podscope.events.EventListener;
import dev.podscope.events.PodEventReads;
import dev.podscope.format.EventAge;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Pod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The events of a pod or of a namespace ({@link PodEventReads#watch}), kept current for a view-model. The feed's
 * thread only queues changes; the UI thread applies everything queued in one go and then calls {@code onChange} once, so thousands of events
 * arriving together cost one refresh. Starting again, or closing, drops whatever the previous feed still sends.
 */
public final class LiveEvents {
    /** Oldest first by when they last happened (so a repeating event moves down), then by name. */
    public static final Comparator<CoreV1Event> OLDEST_FIRST = Comparator.comparing(EventAge::lastTime)
            .thenComparing(e -> String.valueOf(e.getMetadata().getName()));

    private final Executor ui;
    private final Runnable onChange;
    private final Map<String, CoreV1Event> byUid = new HashMap<>();
    private final Queue<Change> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private AutoCloseable feed;
    private long generation;
    private boolean listed;
    private String problem;

    private record Change(long generation, List<CoreV1Event> reset, CoreV1Event event, boolean deleted, String problem) {
    }

    /** {@code onChange} runs on {@code ui} after each applied batch. */
    public LiveEvents(Executor ui, Runnable onChange) {
        this.ui = ui;
        this.onChange = onChange;
    }

    /** The events of one pod. */
    public void start(ApiClient client, V1Pod pod) {
        close();
        long current = generation;
        feed = new PodEventReads(client).watch(pod.getMetadata().getNamespace(), PodEventReads.selector(pod),
                listener(current));
    }

    /** The events of a namespace, or of all when {@code namespace} is null. */
    public void start(ApiClient client, String namespace) {
        close();
        long current = generation;
        feed = new PodEventReads(client).watch(namespace, null, listener(current));
    }

    public void close() {
        generation++;
        if (feed != null) {
            try {
                feed.close();
            } catch (Exception e) {
                // a watch that already ended
            }
            feed = null;
        }
        queued.clear();
        byUid.clear();
        listed = false;
        problem = null;
    }

    /** A copy of the events, in {@code order}. */
    public List<CoreV1Event> events(Comparator<CoreV1Event> order) {
        List<CoreV1Event> sorted = new ArrayList<>(byUid.values());
        sorted.sort(order);
        return sorted;
    }

    public int size() {
        return byUid.size();
    }

    /** Whether the first list has arrived. */
    public boolean listed() {
        return listed;
    }

    /** Why the events are not current (cannot be read, reconnecting), else null. */
    public String problem() {
        return problem;
    }

    private EventListener listener(long current) {
        return new EventListener() {
            @Override
            public void onList(List<CoreV1Event> events) {
                offer(new Change(current, List.copyOf(events), null, false, null));
            }

            @Override
            public void onChange(String type, CoreV1Event event) {
                offer(new Change(current, null, event, "DELETED".equals(type), null));
            }

            @Override
            public void onError(String message) {
                offer(new Change(current, null, null, false, "Events are not updated, reconnecting: " + message));
            }
        };
    }

    private void offer(Change change) {
        queued.add(change);
        if (drainQueued.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    private void drain() {
        drainQueued.set(false);
        boolean changed = false;
        for (Change c = queued.poll(); c != null; c = queued.poll()) {
            if (c.generation() != generation) {
                continue;
            }
            changed = true;
            if (c.problem() != null) {
                problem = c.problem();
            } else if (c.reset() != null) {
                byUid.clear();
                c.reset().forEach(e -> byUid.put(uid(e), e));
                listed = true;
                problem = null;
            } else if (c.deleted()) {
                byUid.remove(uid(c.event()));
            } else {
                byUid.put(uid(c.event()), c.event());
            }
        }
        if (changed) {
            onChange.run();
        }
    }

    private static String uid(CoreV1Event event) {
        String uid = event.getMetadata().getUid();
        return uid != null ? uid : event.getMetadata().getNamespace() + "/" + event.getMetadata().getName();
    }
}
