package dev.podscope.session;

import io.kubernetes.client.openapi.models.V1Pod;

import java.util.List;

/**
 * Receives a context's pods from the watch thread. Implementations must return quickly and never wait on the
 * FX thread: queue the change and apply it in batches on the consumer's side.
 */
public interface PodListener {
    /** The complete set of pods: after the first list, a 410 relist or a reconnect. Replaces everything known. */
    void reset(List<V1Pod> pods);

    /** One watch event. */
    void changed(ChangeType type, V1Pod pod);

    /** Connection state changes, with a one-line human message (null when there is nothing to add). */
    void state(ConnectionState state, String message);

    enum ChangeType { ADDED, MODIFIED, DELETED }
}
