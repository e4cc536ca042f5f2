package dev.podscope.pods.detail;

import dev.podscope.ui.TaskExecutor;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Pod;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The Events tab: the pod's events as {@code kubectl describe pod} lists them, oldest first, kept live by a watch
 * ({@link LiveEvents}); every applied batch is one list change. The rows (ages, "xN over M") are rendered in the
 * background, a thousand events at a time would otherwise hold up the FX thread; only the finished list is applied.
 */
public final class PodEventsViewModel {
    private final TaskExecutor tasks;
    private final Clock clock;
    private final LiveEvents live;
    private final ObservableList<EventRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyIntegerWrapper warnings = new ReadOnlyIntegerWrapper(this, "warnings");
    private final ReadOnlyIntegerWrapper batches = new ReadOnlyIntegerWrapper(this, "batches");
    private List<CoreV1Event> events = List.of();
    private ApiClient client;
    private long renders;

    public PodEventsViewModel(TaskExecutor tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
        this.live = new LiveEvents(tasks.ui(), this::changed);
    }

    void client(ApiClient newClient) {
        client = newClient;
    }

    /** Lists and watches {@code pod}'s events; replaces what was shown. */
    void show(V1Pod pod) {
        close();
        if (client == null) {
            message.set("Events cannot be read: no cluster is connected");
            return;
        }
        message.set("Reading events…");
        live.start(client, pod);
    }

    /** Stops the watch and forgets the events. */
    void close() {
        renders++;
        live.close();
        events = List.of();
        rows.clear();
        warnings.set(0);
        message.set("");
    }

    /** Ages change with the clock alone. */
    void tick() {
        render();
    }

    /** The events as read, oldest first. */
    public List<CoreV1Event> events() {
        return events;
    }

    public ObservableList<EventRow> rows() {
        return rows;
    }

    /** "No events", why they cannot be read, or "" while rows are shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    /** Counts the batches applied, so tests and the benchmark can wait for the next one. */
    public ReadOnlyIntegerProperty batchesProperty() {
        return batches.getReadOnlyProperty();
    }

    private void changed() {
        render(live.events(LiveEvents.OLDEST_FIRST));
        batches.set(batches.get() + 1);
    }

    private void render() {
        render(events);
    }

    /** Renders {@code sorted} off the FX thread, then applies it unless a newer render or a close came meanwhile. */
    private void render(List<CoreV1Event> sorted) {
        long render = ++renders;
        Instant now = clock.instant();
        String problem = live.problem();
        boolean listed = live.listed();
        tasks.execute(() -> sorted.stream().map(e -> EventRow.of(e, now)).toList(), fresh -> {
            if (render == renders) {
                apply(sorted, fresh, problem, listed);
            }
        }, error -> {
            if (render == renders) {
                message.set("Events cannot be shown: " + error.getMessage());
            }
        });
    }

    private void apply(List<CoreV1Event> sorted, List<EventRow> fresh, String problem, boolean listed) {
        events = sorted;
        if (!fresh.equals(rows)) {
            rows.setAll(fresh);
        }
        warnings.set((int) fresh.stream().filter(EventRow::warning).count());
        if (problem != null) {
            message.set(problem);
        } else if (listed) {
            message.set(fresh.isEmpty() ? "No events" : "");
        }
    }
}
