package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoreException;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.CoreV1Event;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The API server's event TTL: an Event that has not repeated for an hour is deleted. Without it a sandbox left
 * running would pile up the Events of every pod its churn ever replaced.
 */
final class EventExpiry {
    static final Duration TTL = Duration.ofHours(1);
    private static final double SWEEP_SECONDS = 60;

    private EventExpiry() {
    }

    static void start(Timeline timeline, ClusterStore store) {
        timeline.after(SWEEP_SECONDS, () -> {
            start(timeline, store);
            expire(store);
        });
    }

    /** Deletes the Events last seen more than {@link #TTL} ago; returns how many. */
    static int expire(ClusterStore store) {
        OffsetDateTime horizon = store.now().minus(TTL);
        int expired = 0;
        for (StoredObject<CoreV1Event> stored : store.list(Resources.EVENTS, null).items()) {
            CoreV1Event event = stored.object();
            OffsetDateTime last = event.getLastTimestamp() != null ? event.getLastTimestamp()
                    : event.getMetadata().getCreationTimestamp();
            if (last != null && last.isBefore(horizon)) {
                try {
                    store.delete(Resources.EVENTS, event.getMetadata().getNamespace(), event.getMetadata().getName());
                    expired++;
                } catch (StoreException alreadyGone) {
                    // deleted through the API meanwhile
                }
            }
        }
        return expired;
    }
}
