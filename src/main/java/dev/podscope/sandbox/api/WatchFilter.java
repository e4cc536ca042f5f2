package dev.podscope.sandbox.api;

import dev.podscope.sandbox.store.StoreEvent;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.common.KubernetesObject;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns store changes into what a watcher with selectors sees, as the API server's watch cache does: an object that
 * starts to match is ADDED, one that stops matching is DELETED, changes to objects it never saw are dropped.
 */
final class WatchFilter {
    private final ListQuery query;
    private final Set<String> visible = new HashSet<>();

    /** {@code current} are the objects the watcher is assumed to know (those that match the selectors). */
    WatchFilter(ListQuery query, List<StoredObject<KubernetesObject>> current) {
        this.query = query;
        if (!query.selectsEverything()) {
            for (StoredObject<KubernetesObject> stored : current) {
                if (query.matches(stored.object())) {
                    visible.add(key(stored.object()));
                }
            }
        }
    }

    /** The watch event type to send for {@code event}, or null when this watcher does not see it. */
    String eventType(StoreEvent event) {
        if (query.selectsEverything()) {
            return event.type().name();
        }
        String key = key(event.object());
        boolean matches = query.matches(event.object());
        boolean wasVisible = visible.contains(key);
        if (event.type() == StoreEvent.Type.DELETED) {
            visible.remove(key);
            return wasVisible || matches ? "DELETED" : null;
        }
        if (matches) {
            visible.add(key);
            return wasVisible ? "MODIFIED" : "ADDED";
        }
        visible.remove(key);
        return wasVisible ? "DELETED" : null;
    }

    private static String key(KubernetesObject object) {
        return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    }
}
