package dev.podscope.app;

import dev.podscope.session.ConnectionState;
import dev.podscope.session.PodListener;
import io.kubernetes.client.openapi.models.V1Pod;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds what a pod watch delivers until the real listener arrives, then replays it in order and passes everything
 * on from there. Lets the first context's pods download while the window is still being built.
 */
final class ReplayingPodListener implements PodListener {
    private final List<Consumer<PodListener>> held = new ArrayList<>();
    private PodListener target;

    synchronized void attach(PodListener listener) {
        held.forEach(call -> call.accept(listener));
        held.clear();
        target = listener;
    }

    @Override
    public void reset(List<V1Pod> pods) {
        deliver(l -> l.reset(pods));
    }

    @Override
    public void changed(ChangeType type, V1Pod pod) {
        deliver(l -> l.changed(type, pod));
    }

    @Override
    public void state(ConnectionState state, String message) {
        deliver(l -> l.state(state, message));
    }

    private synchronized void deliver(Consumer<PodListener> call) {
        if (target != null) {
            call.accept(target);
        } else {
            held.add(call);
        }
    }
}
