package dev.podscope.events;

import io.kubernetes.client.openapi.models.CoreV1Event;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * kubectl describe's event order ({@code SortableEvents} in kubectl's util/event): by lastTimestamp, oldest first,
 * unset timestamps (events.k8s.io events written without the deprecated fields) first. The sort is stable, as
 * Go's insertion sort is for the small lists kubectl usually sorts.
 */
public final class EventOrder {

    public static final Comparator<CoreV1Event> BY_LAST_TIMESTAMP = Comparator.comparing(EventOrder::lastTimestamp);

    private EventOrder() {
    }

    public static List<CoreV1Event> sorted(List<CoreV1Event> events) {
        List<CoreV1Event> copy = new ArrayList<>(events);
        copy.sort(BY_LAST_TIMESTAMP);
        return copy;
    }

    private static Instant lastTimestamp(CoreV1Event e) {
        OffsetDateTime t = e.getLastTimestamp();
        return t == null ? Instant.MIN : t.toInstant();
    }
}
