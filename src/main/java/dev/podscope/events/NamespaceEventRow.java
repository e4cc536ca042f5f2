package dev.podscope.events;

import dev.podscope.format.EventAge;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ObjectReference;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of the namespace events view, with {@code kubectl get events}' strings (LAST SEEN, TYPE, REASON, OBJECT,
 * MESSAGE) and what the OBJECT link leads to: {@code kind}, {@code namespace}, {@code name}.
 */
public record NamespaceEventRow(String uid, String lastSeen, String type, String reason, String object, String kind,
                                String namespace, String name, String message, int count, boolean warning,
                                Instant lastTime) {

    public static NamespaceEventRow of(CoreV1Event event, Instant now) {
        V1ObjectReference involved = Objects.requireNonNullElse(event.getInvolvedObject(), new V1ObjectReference());
        String kind = Objects.requireNonNullElse(involved.getKind(), "");
        String name = Objects.requireNonNullElse(involved.getName(), "");
        String namespace = involved.getNamespace() != null ? involved.getNamespace()
                : Objects.requireNonNullElse(event.getMetadata().getNamespace(), "");
        return new NamespaceEventRow(String.valueOf(event.getMetadata().getUid()), EventAge.lastSeen(event, now),
                EventAge.type(event), EventAge.reason(event),
                name.isEmpty() ? kind.toLowerCase(Locale.ROOT) : kind.toLowerCase(Locale.ROOT) + "/" + name,
                kind, namespace, name, EventAge.message(event), EventAge.count(event), EventAge.isWarning(event),
                EventAge.lastTime(event));
    }

    /** Pods open in the detail; other kinds filter the pod table. */
    public boolean isPod() {
        return "Pod".equals(kind);
    }
}
