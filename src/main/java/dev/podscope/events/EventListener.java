package dev.podscope.events;

import io.kubernetes.client.openapi.models.CoreV1Event;
import java.util.List;

/**
 * Receives a namespace's events from a background thread: first the whole current list, then each change.
 * After a reconnect that lost the watch position the list is sent again and replaces everything before it.
 */
public interface EventListener {

    /** All events currently stored, sorted as kubectl describe sorts them. */
    void onList(List<CoreV1Event> events);

    /** {@code type} is ADDED, MODIFIED or DELETED. */
    void onChange(String type, CoreV1Event event);

    /** The connection failed; the watch retries by itself until cancelled. */
    void onError(String message);
}
