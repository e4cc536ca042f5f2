package dev.podscope.events;

import dev.podscope.pods.detail.LiveEvents;
import dev.podscope.ui.TaskExecutor;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.CoreV1Event;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The events of the chosen namespace (or of all), newest first, live while the view is shown; optionally only the
 * warnings. Each row links to the object it is about. Reading starts when the view is shown and stops when it is
 * hidden or the context changes. Never touches controls.
 */
public final class EventsViewModel {
    private final Clock clock;
    private final LiveEvents live;
    private final ObservableList<NamespaceEventRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty warningsOnly = new SimpleBooleanProperty(this, "warningsOnly");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyIntegerWrapper batches = new ReadOnlyIntegerWrapper(this, "batches");
    private final ReadOnlyStringWrapper linkNotice = new ReadOnlyStringWrapper(this, "linkNotice", "");
    private Consumer<NamespaceEventRow> onOpen = row -> { };
    private ApiClient client;
    private String namespace;
    private boolean active;

    public EventsViewModel(TaskExecutor tasks, Clock clock) {
        this.clock = clock;
        this.live = new LiveEvents(tasks.ui(), this::changed);
        warningsOnly.addListener((obs, old, now) -> render());
    }

    /** The open context's client, or null while none is open. */
    public void connect(ApiClient newClient) {
        client = newClient;
        restart();
    }

    /** The namespace shown, or null for all namespaces. */
    public void showNamespace(String newNamespace) {
        if (!Objects.equals(namespace, newNamespace)) {
            namespace = newNamespace;
            restart();
        }
    }

    /** Whether the view is shown: events are only watched while it is. */
    public void active(boolean shown) {
        if (active != shown) {
            active = shown;
            restart();
        }
    }

    /** Where a row's object link leads. */
    public void onOpen(Consumer<NamespaceEventRow> action) {
        onOpen = action;
    }

    public void open(NamespaceEventRow row) {
        if (row != null) {
            linkNotice.set("");
            onOpen.accept(row);
        }
    }

    /** Why a link could not be followed (e.g. the pod is gone). */
    public void linkNotice(String notice) {
        linkNotice.set(notice);
    }

    public ReadOnlyStringProperty linkNoticeProperty() {
        return linkNotice.getReadOnlyProperty();
    }

    public void close() {
        live.close();
        rows.clear();
        summary.set("");
    }

    /** LAST SEEN changes with the clock alone. */
    public void tick() {
        if (active) {
            render();
        }
    }

    public BooleanProperty warningsOnlyProperty() {
        return warningsOnly;
    }

    public ObservableList<NamespaceEventRow> rows() {
        return rows;
    }

    /** "Reading events…", "No events", "No warnings", why they cannot be read; "" while rows are shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "120 events · 7 warnings in shop". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty batchesProperty() {
        return batches.getReadOnlyProperty();
    }

    private void restart() {
        close();
        if (!active) {
            message.set("");
            return;
        }
        if (client == null) {
            message.set("Events cannot be read: no cluster is connected");
            return;
        }
        message.set("Reading events…");
        live.start(client, namespace);
    }

    private void changed() {
        render();
        batches.set(batches.get() + 1);
    }

    private void render() {
        Instant now = clock.instant();
        List<CoreV1Event> all = live.events(LiveEvents.OLDEST_FIRST.reversed());
        long warnings = all.stream().filter(e -> "Warning".equals(e.getType())).count();
        List<NamespaceEventRow> fresh = all.stream().filter(e -> !warningsOnly.get() || "Warning".equals(e.getType()))
                .map(e -> NamespaceEventRow.of(e, now)).toList();
        if (!fresh.equals(rows)) {
            rows.setAll(fresh);
        }
        if (live.problem() != null) {
            message.set(live.problem());
        } else if (live.listed()) {
            message.set(!fresh.isEmpty() ? "" : warningsOnly.get() && !all.isEmpty() ? "No warnings" : "No events");
        }
        summary.set(live.listed() ? all.size() + " events · " + warnings + " warnings in "
                + (namespace == null ? "all namespaces" : namespace) : "");
    }
}
