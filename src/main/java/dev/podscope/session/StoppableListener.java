package dev.podscope.session;

import io.kubernetes.client.openapi.models.V1Pod;

import java.util.List;

/**
 * Hands a watch thread's calls to a {@link PodListener} until {@link #stop()}, and none after it: the watch thread
 * may be in the middle of delivering an event when the session is closed, and a closed session must stay silent.
 */
final class StoppableListener implements PodListener {
    private final PodListener listener;
    private boolean stopped;

    StoppableListener(PodListener listener) {
        this.listener = listener;
    }

    /** Delivers STOPPED as the very last call. */
    synchronized void stop() {
        if (!stopped) {
            stopped = true;
            listener.state(ConnectionState.STOPPED, null);
        }
    }

    @Override
    public synchronized void reset(List<V1Pod> pods) {
        if (!stopped) {
            listener.reset(pods);
        }
    }

    @Override
    public synchronized void changed(ChangeType type, V1Pod pod) {
        if (!stopped) {
            listener.changed(type, pod);
        }
    }

    @Override
    public synchronized void state(ConnectionState state, String message) {
        if (!stopped) {
            listener.state(state, message);
        }
    }
}
