package dev.podscope.session;

import dev.podscope.testing.Eventually;
import io.kubernetes.client.openapi.models.V1Pod;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records everything a pod watch delivers, in order, and waits for what a test expects next. */
class RecordingListener implements PodListener {
    sealed interface Event permits Reset, Change, State {
    }

    record Reset(List<String> pods) implements Event {
    }

    record Change(ChangeType type, String pod, V1Pod object) implements Event {
    }

    record State(ConnectionState state, String message) implements Event {
    }

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void reset(List<V1Pod> pods) {
        events.add(new Reset(pods.stream().map(RecordingListener::key).sorted().toList()));
    }

    @Override
    public synchronized void changed(ChangeType type, V1Pod pod) {
        events.add(new Change(type, key(pod), pod));
    }

    @Override
    public synchronized void state(ConnectionState state, String message) {
        events.add(new State(state, message));
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Where the next event will be recorded; pass it to {@link #await} to look only at later events. */
    synchronized int mark() {
        return events.size();
    }

    synchronized List<Event> since(int mark) {
        return List.copyOf(events.subList(mark, events.size()));
    }

    /** The first event at or after {@code mark} of {@code type} that {@code wanted} accepts. */
    <T extends Event> T await(int mark, Class<T> type, Predicate<T> wanted) {
        return Eventually.get("a " + type.getSimpleName() + " event after #" + mark + "; got " + events(),
                () -> since(mark).stream().filter(type::isInstance).map(type::cast).filter(wanted)
                        .findFirst().orElse(null));
    }

    State awaitState(int mark, ConnectionState state) {
        return await(mark, State.class, s -> s.state() == state);
    }

    Change awaitChange(int mark, ChangeType type, String pod) {
        return await(mark, Change.class, c -> c.type() == type && c.pod().equals(pod));
    }

    static String key(V1Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }
}
