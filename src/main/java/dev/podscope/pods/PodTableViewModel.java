package dev.podscope.pods;

import dev.podscope.session.ConnectionState;
import dev.podscope.ui.ListSync;
import io.kubernetes.client.openapi.models.V1Pod;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pods of one context as a filtered, sorted list of rows. Batches from a {@link PodEventBuffer} update rows in
 * place; the shown list is only restructured when membership or order really changes, so 10,000 pods with a
 * stream of status changes cost little more than the rows on screen. Never touches controls.
 */
public final class PodTableViewModel {
    private final Clock clock;
    private final Map<PodKey, PodRowViewModel> rows = new HashMap<>();
    private final ObservableList<PodRowViewModel> shown = FXCollections.observableArrayList();
    private final ObservableList<PodRowViewModel> shownReadOnly = FXCollections.unmodifiableObservableList(shown);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError");
    private final ReadOnlyObjectWrapper<String> namespace = new ReadOnlyObjectWrapper<>(this, "namespace");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ReadOnlyObjectWrapper<ConnectionState> connection =
            new ReadOnlyObjectWrapper<>(this, "connection", ConnectionState.CONNECTING);
    private final ReadOnlyStringWrapper connectionMessage = new ReadOnlyStringWrapper(this, "connectionMessage");
    private final ReadOnlyObjectWrapper<PodCounts> counts = new ReadOnlyObjectWrapper<>(this, "counts", PodCounts.NONE);
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    private final ReadOnlyIntegerWrapper batchesApplied = new ReadOnlyIntegerWrapper(this, "batchesApplied");
    private PodFilter filter = PodFilter.all();
    private Comparator<PodRowViewModel> order = PodColumn.KEY_ORDER;

    public PodTableViewModel(Clock clock) {
        this.clock = clock;
        this.now.set(clock.instant());
        filterText.addListener((obs, old, text) -> applyFilterText(text));
    }

    /** Applies one coalesced batch of watch events; call on the UI thread. */
    public void apply(PodBatch batch) {
        Instant at = clock.instant();
        boolean restructure = false;
        if (batch.reset() != null) {
            rows.clear();
            for (V1Pod pod : batch.reset()) {
                PodRowViewModel row = new PodRowViewModel(pod, at);
                rows.put(row.key(), row);
            }
            restructure = true;
        }
        for (PodKey key : batch.deleted()) {
            restructure |= rows.remove(key) != null;
        }
        List<PodRowViewModel> modified = new ArrayList<>();
        for (var entry : batch.upserted().entrySet()) {
            PodRowViewModel row = rows.get(entry.getKey());
            if (row == null) {
                rows.put(entry.getKey(), new PodRowViewModel(entry.getValue(), at));
                restructure = true;
            } else {
                row.update(entry.getValue(), at);
                modified.add(row);
            }
        }
        if (restructure || !modified.isEmpty() && !staysInPlace(modified)) {
            refresh();
        }
        if (batch.state() != null) {
            connection.set(batch.state());
            connectionMessage.set(batch.stateMessage());
        }
        counts.set(PodCounts.of(rows.values(), namespace.get()));
        batchesApplied.set(batchesApplied.get() + 1);
    }

    /** Forgets every pod, e.g. when the context changes. */
    public void clear() {
        rows.clear();
        refresh();
        counts.set(PodCounts.of(rows.values(), namespace.get()));
        connection.set(ConnectionState.CONNECTING);
        connectionMessage.set(null);
    }

    /** The context could not be opened at all: nothing will arrive, and the table must not look live. */
    public void fail(String message) {
        connection.set(ConnectionState.FAILED);
        connectionMessage.set(message);
    }

    /** Moves the clock on; ticking cells (AGE, RESTARTS) follow {@link #nowProperty()}. */
    public void tick() {
        now.set(clock.instant());
    }

    /** Shows only {@code name}'s pods, or all namespaces for null. */
    public void showNamespace(String name) {
        if (!Objects.equals(namespace.get(), name)) {
            namespace.set(name);
            refresh();
            counts.set(PodCounts.of(rows.values(), name));
        }
    }

    /** Sorts by the given order (null: kubectl's namespace/name order); ties always fall back to that order. */
    public void sortBy(Comparator<PodRowViewModel> comparator) {
        order = comparator == null ? PodColumn.KEY_ORDER : comparator.thenComparing(PodColumn.KEY_ORDER);
        refresh();
    }

    public void clearFilter() {
        filterText.set("");
    }

    public ObservableList<PodRowViewModel> rows() {
        return shownReadOnly;
    }

    public PodRowViewModel row(PodKey key) {
        return rows.get(key);
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** A one-line explanation while the filter text cannot be understood (the previous filter stays), else null. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    /** The namespace shown, or null for all namespaces. */
    public ReadOnlyObjectProperty<String> namespaceProperty() {
        return namespace.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionMessageProperty() {
        return connectionMessage.getReadOnlyProperty();
    }

    /** Recomputed after every batch and namespace switch. */
    public ReadOnlyObjectProperty<PodCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    /** Counts applied batches: a test or benchmark can wait on it instead of sleeping. */
    public ReadOnlyIntegerProperty batchesAppliedProperty() {
        return batchesApplied.getReadOnlyProperty();
    }

    private void applyFilterText(String text) {
        try {
            filter = PodFilter.parse(text);
            filterError.set(null);
            refresh();
        } catch (FilterSyntaxException e) {
            filterError.set(e.getMessage());
        }
    }

    /** True when every modified row is still shown exactly where it was, or still hidden. */
    private boolean staysInPlace(List<PodRowViewModel> modified) {
        for (PodRowViewModel row : modified) {
            int index = row.shownIndex;
            if ((index >= 0) != shows(row)) {
                return false;
            }
            if (index > 0 && order.compare(shown.get(index - 1), row) > 0
                    || index >= 0 && index < shown.size() - 1 && order.compare(row, shown.get(index + 1)) > 0) {
                return false;
            }
        }
        return true;
    }

    private boolean shows(PodRowViewModel row) {
        String ns = namespace.get();
        return (ns == null || ns.equals(row.key().namespace()))
                && filter.matches(row.key().name(), row.labels(), row.printed().status());
    }

    private void refresh() {
        List<PodRowViewModel> wanted = new ArrayList<>();
        for (PodRowViewModel row : rows.values()) {
            if (shows(row)) {
                wanted.add(row);
            }
        }
        wanted.sort(order);
        ListSync.sync(shown, wanted);
        rows.values().forEach(row -> row.shownIndex = -1);
        for (int i = 0; i < shown.size(); i++) {
            shown.get(i).shownIndex = i;
        }
        shownCount.set(shown.size());
    }
}
