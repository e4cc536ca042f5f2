package dev.podscope.sandbox.streams;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The open port-forward and exec streams of each pod, and their end when the pod goes: deleted (or marked for
 * deletion), replaced by a pod of the same name, or one of its containers restarted — as a real cluster cuts the
 * connections of a container that stops. A single daemon thread looks every 200 ms; with nothing open it does nothing.
 */
public final class PodSessions implements AutoCloseable {
    private static final long CHECK_MILLIS = 200;

    /** Something streaming to or from a pod that must end with it. */
    public interface Session {
        void podGone(String reason);
    }

    private record Watched(String namespace, String name, String uid, Map<String, Integer> restarts) {
    }

    private final ClusterStore store;
    private final Map<Session, Watched> sessions = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor checker;

    public PodSessions(ClusterStore store) {
        this.store = store;
        this.checker = new ScheduledThreadPoolExecutor(1,
                r -> Thread.ofPlatform().daemon().name("podscope-sandbox-streams").unstarted(r));
        checker.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void add(V1Pod pod, Session session) {
        sessions.put(session, new Watched(pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                pod.getMetadata().getUid(), restarts(pod)));
    }

    public void remove(Session session) {
        sessions.remove(session);
    }

    public int open() {
        return sessions.size();
    }

    private void check() {
        if (sessions.isEmpty()) {
            return;
        }
        for (var entry : Map.copyOf(sessions).entrySet()) {
            Watched watched = entry.getValue();
            Optional<V1Pod> pod = store.get(Resources.PODS, watched.namespace(), watched.name())
                    .map(StoredObject::object);
            String reason = null;
            if (pod.isEmpty() || !Objects.equals(pod.get().getMetadata().getUid(), watched.uid())) {
                reason = "pod " + watched.name() + " was deleted";
            } else if (pod.get().getMetadata().getDeletionTimestamp() != null) {
                reason = "pod " + watched.name() + " is terminating";
            } else if (!restarts(pod.get()).equals(watched.restarts())) {
                reason = "a container of pod " + watched.name() + " restarted";
            }
            if (reason != null && sessions.remove(entry.getKey()) != null) {
                entry.getKey().podGone(reason);
            }
        }
    }

    private static Map<String, Integer> restarts(V1Pod pod) {
        Map<String, Integer> restarts = new HashMap<>();
        if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
            for (V1ContainerStatus status : pod.getStatus().getContainerStatuses()) {
                restarts.put(status.getName(), status.getRestartCount() == null ? 0 : status.getRestartCount());
            }
        }
        return restarts;
    }

    /** Ends every open stream (the server is stopping) and the checker thread. */
    @Override
    public void close() {
        checker.shutdownNow();
        for (Session session : Map.copyOf(sessions).keySet()) {
            sessions.remove(session);
            session.podGone("the API server is shutting down");
        }
    }
}
