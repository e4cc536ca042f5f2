package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoreException;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.openapi.models.V1Pod;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes core/v1 Events as client-go's event recorder does: named {@code <object>.<hex of the time>}, and a repeat
 * of the same event on the same object only raises {@code count} and {@code lastTimestamp} of the existing Event.
 * Events already in the store when the recorder starts (the initial cluster's) are repeated the same way.
 */
final class EventRecorder {
    static final String NORMAL = "Normal";
    static final String WARNING = "Warning";
    static final String KUBELET = "kubelet";

    private final ClusterStore store;
    private final Map<String, Map<String, String>> namesByObject = new HashMap<>();
    private long lastNanos;

    EventRecorder(ClusterStore store) {
        this.store = store;
        for (StoredObject<CoreV1Event> stored : store.list(Resources.EVENTS, null).items()) {
            CoreV1Event e = stored.object();
            namesByObject.computeIfAbsent(e.getInvolvedObject().getUid(), uid -> new HashMap<>())
                    .put(key(e.getType(), e.getReason(), e.getMessage(), e.getSource().getComponent(),
                            e.getInvolvedObject().getFieldPath()), e.getMetadata().getName());
        }
    }

    /**
     * An Event about a pod as the recorder would have left it after {@code count} repeats from {@code first} to
     * {@code last}; for the initial cluster, whose history is made up rather than played.
     */
    static CoreV1Event podEvent(V1Pod pod, String container, String component, String type, String reason,
                                String message, int count, OffsetDateTime first, OffsetDateTime last) {
        V1ObjectReference ref = podReference(pod, container);
        String name = ref.getName() + "." + Long.toHexString(first.toEpochSecond() * 1_000_000_000L
                + Math.floorMod(reason.hashCode() + message.hashCode(), 1_000_000_000));
        return event(ref, name, component, host(pod, component), type, reason, message).count(count)
                .firstTimestamp(first).lastTimestamp(last);
    }

    /** An event about a pod; {@code container} null means the pod itself, else {@code spec.containers{name}}. */
    void pod(V1Pod pod, String container, String component, String type, String reason, String message) {
        record(podReference(pod, container), component, host(pod, component), type, reason, message);
    }

    void object(KubernetesObject object, String kind, String apiVersion, String component, String type,
                String reason, String message) {
        record(reference(object, kind, apiVersion), component, null, type, reason, message);
    }

    /** Drops the aggregation memory of a deleted object; its Events stay, as they do until their TTL. */
    void forget(String uid) {
        namesByObject.remove(uid);
    }

    private void record(V1ObjectReference ref, String component, String host, String type, String reason,
                        String message) {
        OffsetDateTime now = store.now();
        String key = key(type, reason, message, component, ref.getFieldPath());
        Map<String, String> names = namesByObject.computeIfAbsent(ref.getUid(), uid -> new HashMap<>());
        String existing = names.get(key);
        if (existing != null && bump(ref, existing, now)) {
            return;
        }
        String name = ref.getName() + "." + Long.toHexString(nextNanos());
        store.create(Resources.EVENTS, event(ref, name, component, host, type, reason, message).count(1)
                .firstTimestamp(now).lastTimestamp(now));
        names.put(key, name);
    }

    private boolean bump(V1ObjectReference ref, String name, OffsetDateTime now) {
        try {
            store.modify(Resources.EVENTS, ref.getNamespace(), name, e -> {
                e.setCount(e.getCount() == null ? 2 : e.getCount() + 1);
                e.setLastTimestamp(now);
                e.getInvolvedObject().setResourceVersion(ref.getResourceVersion());
                return e;
            });
            return true;
        } catch (StoreException gone) {
            return false;
        }
    }

    /** Event names carry the recording time in nanoseconds; a counter keeps two events in one instant apart. */
    private long nextNanos() {
        Instant now = store.clock().instant();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        lastNanos = Math.max(nanos, lastNanos + 1);
        return lastNanos;
    }

    private static CoreV1Event event(V1ObjectReference ref, String name, String component, String host, String type,
                                     String reason, String message) {
        return new CoreV1Event().apiVersion("v1").kind("Event")
                .metadata(new V1ObjectMeta().name(name).namespace(ref.getNamespace()))
                .involvedObject(ref).reason(reason).message(message).type(type)
                .source(new V1EventSource().component(component).host(host))
                .reportingComponent(component).reportingInstance(host == null ? component : host);
    }

    private static String key(String type, String reason, String message, String component, String fieldPath) {
        return String.join("\n", type, reason, message, component, String.valueOf(fieldPath));
    }

    private static V1ObjectReference podReference(V1Pod pod, String container) {
        V1ObjectReference ref = reference(pod, "Pod", "v1");
        if (container != null) {
            ref.setFieldPath(fieldPath(pod, container));
        }
        return ref;
    }

    private static String host(V1Pod pod, String component) {
        return KUBELET.equals(component) ? pod.getSpec().getNodeName() : null;
    }

    private static V1ObjectReference reference(KubernetesObject object, String kind, String apiVersion) {
        V1ObjectMeta meta = object.getMetadata();
        return new V1ObjectReference().kind(kind).apiVersion(apiVersion).name(meta.getName())
                .namespace(meta.getNamespace()).uid(meta.getUid()).resourceVersion(meta.getResourceVersion());
    }

    private static String fieldPath(V1Pod pod, String container) {
        boolean init = PodStatuses.initContainers(pod).stream().anyMatch(c -> c.getName().equals(container));
        return (init ? "spec.initContainers{" : "spec.containers{") + container + "}";
    }
}
