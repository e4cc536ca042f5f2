package dev.podscope.pods;

import dev.podscope.metrics.MetricsPoll;
import dev.podscope.metrics.PodName;
import dev.podscope.metrics.PodUsage;
import dev.podscope.session.ConnectionState;
import dev.podscope.ui.ListSync;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The pods of one context as a filtered, sorted list of rows. Batches from a {@link PodEventBuffer} update rows in
 * place; the shown list is only restructured when membership or order really changes, so 10,000 pods with a
 * stream of status changes cost little more than the rows on screen. Never touches controls.
 */
public final class PodTableViewModel {
    /** Beyond this many rows changing place, one full filter-and-sort is cheaper than placing each. */
    private static final int MAX_MOVES = 200;

    private final Clock clock;
    private final Map<PodKey, PodRowViewModel> rows = new HashMap<>();
    private final PodTally tally = new PodTally();
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
    private final CompletableFuture<Integer> firstLoad = new CompletableFuture<>();
    private final ReadOnlyBooleanWrapper metricsShown = new ReadOnlyBooleanWrapper(this, "metricsShown");
    private Map<PodName, PodUsage> usage = Map.of();
    private boolean listed;
    private PodFilter filter = PodFilter.all();
    private Comparator<PodRowViewModel> order = PodColumn.KEY_ORDER;

    public PodTableViewModel(Clock clock) {
        this.clock = clock;
        this.now.set(clock.instant());
        filterText.addListener((obs, old, text) -> applyFilterText(text));
    }

    /** Applies one coalesced batch of watch events; call on the UI thread. */
    public void apply(PodBatch batch) {
        boolean everything = batch.reset() != null;
        if (everything) {
            rows.clear();
            tally.clear();
            for (PrintedPod pod : batch.reset()) {
                add(new PodRowViewModel(pod));
            }
        }
        List<PodRowViewModel> moved = new ArrayList<>();
        for (PodKey key : batch.deleted()) {
            PodRowViewModel row = rows.remove(key);
            if (row != null) {
                tally.remove(key.namespace(), row.phase());
                if (row.shownIndex >= 0) {
                    moved.add(row);
                }
            }
        }
        List<PodRowViewModel> modified = new ArrayList<>();
        for (var entry : batch.upserted().entrySet()) {
            PodRowViewModel row = rows.get(entry.getKey());
            if (row == null) {
                row = new PodRowViewModel(entry.getValue());
                add(row);
                moved.add(row);
            } else {
                tally.remove(row.key().namespace(), row.phase());
                row.update(entry.getValue());
                tally.add(row.key().namespace(), row.phase());
                modified.add(row);
            }
        }
        if (!allInPlace(modified)) {
            moved.addAll(modified);
        }
        if (everything || moved.size() > MAX_MOVES) {
            refresh();
        } else if (!moved.isEmpty()) {
            reposition(moved);
        }
        if (batch.state() != null) {
            connection.set(batch.state());
            connectionMessage.set(batch.stateMessage());
        }
        counts.set(tally.counts(namespace.get()));
        batchesApplied.set(batchesApplied.get() + 1);
        listed |= everything;
        if (listed && connection.get() == ConnectionState.LIVE) {
            firstLoad.complete(rows.size());
        }
    }

    private void add(PodRowViewModel row) {
        row.usage(usage.get(new PodName(row.key().namespace(), row.key().name())));
        rows.put(row.key(), row);
        tally.add(row.key().namespace(), row.phase());
    }

    /**
     * Applies a metrics poll (on the UI thread): each row's CPU and MEMORY, re-sorted when sorted by them. The
     * columns show while the metrics API answers.
     */
    public void applyMetrics(MetricsPoll poll) {
        usage = poll.pods();
        metricsShown.set(poll.status().available());
        List<PodRowViewModel> modified = new ArrayList<>();
        for (PodRowViewModel row : rows.values()) {
            if (row.usage(usage.get(new PodName(row.key().namespace(), row.key().name())))) {
                modified.add(row);
            }
        }
        if (!allInPlace(modified)) {
            if (modified.size() > MAX_MOVES) {
                refresh();
            } else {
                reposition(modified);
            }
        }
    }

    /** True while the cluster's metrics API answers: the table then shows CPU and MEMORY. */
    public ReadOnlyBooleanProperty metricsShownProperty() {
        return metricsShown.getReadOnlyProperty();
    }

    /** Forgets every pod, e.g. when the context changes. */
    public void clear() {
        usage = Map.of();
        metricsShown.set(false);
        listed = false;
        rows.clear();
        tally.clear();
        refresh();
        counts.set(tally.counts(namespace.get()));
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
            counts.set(tally.counts(name));
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

    /**
     * Completes on the UI thread, with the number of pods, the first time a complete pod list has been applied and
     * the connection is live: from then on the table shows the cluster.
     */
    public CompletableFuture<Integer> firstLoad() {
        return firstLoad;
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

    /**
     * True when, with every change of the batch applied, each changed row is still shown or hidden as before and in
     * order with its neighbours. Pairs of unchanged rows stayed in order, so the shown list is then still sorted.
     * Otherwise all changed rows are placed again: checking them one by one against neighbours that move too
     * would leave gaps in the order.
     */
    private boolean allInPlace(List<PodRowViewModel> modified) {
        for (PodRowViewModel row : modified) {
            int index = row.shownIndex;
            if ((index >= 0) != shows(row)) {
                return false;
            }
            if (index >= 0 && (index > 0 && order.compare(shown.get(index - 1), row) > 0
                    || index < shown.size() - 1 && order.compare(row, shown.get(index + 1)) > 0)) {
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

    /** Filters and sorts all rows again: after a reset, a new filter or order, or many moves at once. */
    private void refresh() {
        List<PodRowViewModel> wanted = new ArrayList<>();
        for (PodRowViewModel row : rows.values()) {
            if (shows(row)) {
                wanted.add(row);
            }
        }
        wanted.sort(order);
        show(wanted);
    }

    /** Takes out the rows that changed place (or left), and puts back each that is still shown where it belongs. */
    private void reposition(List<PodRowViewModel> moved) {
        Set<PodRowViewModel> moving = Collections.newSetFromMap(new IdentityHashMap<>());
        moving.addAll(moved);
        List<PodRowViewModel> wanted = new ArrayList<>(shown);
        wanted.removeIf(moving::contains);
        for (PodRowViewModel row : moved) {
            if (rows.get(row.key()) == row && shows(row)) {
                int index = Collections.binarySearch(wanted, row, order);
                wanted.add(index < 0 ? -index - 1 : index, row);
            }
        }
        show(wanted);
    }

    private void show(List<PodRowViewModel> wanted) {
        ListSync.sync(shown, wanted);
        rows.values().forEach(row -> row.shownIndex = -1);
        for (int i = 0; i < shown.size(); i++) {
            shown.get(i).shownIndex = i;
        }
        shownCount.set(shown.size());
    }
}
