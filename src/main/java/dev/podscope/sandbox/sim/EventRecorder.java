package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoreException;
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
    }

    /** An event about a pod; {@code container} null means the pod itself, else {@code spec.containers{name}}. */
    void pod(V1Pod pod, String container, String component, String type, String reason, String message) {
        V1ObjectReference ref = reference(pod, "Pod", "v1");
        if (container != null) {
            ref.setFieldPath(fieldPath(pod, container));
        }
        String host = KUBELET.equals(component) ? pod.getSpec().getNodeName() : null;
        record(ref, component, host, type, reason, message);
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
        String key = String.join("\n", type, reason, message, component, String.valueOf(ref.getFieldPath()));
        Map<String, String> names = namesByObject.computeIfAbsent(ref.getUid(), uid -> new HashMap<>());
        String existing = names.get(key);
        if (existing != null && bump(ref, existing, now)) {
            return;
        }
        String name = ref.getName() + "." + Long.toHexString(nextNanos());
        CoreV1Event event = new CoreV1Event().apiVersion("v1").kind("Event")
                .metadata(new V1ObjectMeta().name(name).namespace(ref.getNamespace()))
                .involvedObject(ref).reason(reason).message(message).type(type)
                .source(new V1EventSource().component(component).host(host))
                .reportingComponent(component).reportingInstance(host == null ? component : host)
                .count(1).firstTimestamp(now).lastTimestamp(now);
        store.create(Resources.EVENTS, event);
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
