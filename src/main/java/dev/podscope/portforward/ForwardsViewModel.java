package dev.podscope.portforward;

import dev.podscope.portforward.ForwardFavourites.Favourite;
import dev.podscope.ui.TaskExecutor;
import io.kubernetes.client.openapi.ApiClient;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The forwards panel: one row per forward the app started (all contexts), its commands (start, stop, restart,
 * remove, copy URL, open in browser, save as favourite), the offer of a context's favourites, and a one-line notice
 * of the last outcome. The manager's listeners fire on background threads, often several times per change; they only
 * record the latest status per forward, and one UI task applies whatever has accumulated by the time it runs. Byte
 * counters change without notifications, so {@link #refresh()} reads them.
 */
public final class ForwardsViewModel implements AutoCloseable {
    private final ForwardManager manager;
    private final ForwardFavourites favourites;
    private final TaskExecutor tasks;
    private final ReadOnlyObjectWrapper<FavouriteOffer> offer = new ReadOnlyObjectWrapper<>(this, "offer");
    private final ObservableList<ForwardRowViewModel> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final Map<Long, ForwardRowViewModel> byId = new HashMap<>();
    private final Map<Long, ForwardStatus> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean applyScheduled = new AtomicBoolean();
    private final Consumer<ForwardStatus> listener = this::changed;
    private Consumer<String> browser;
    private boolean refreshing;
    private boolean closed;

    /** The favourites of a context that are not running, offered for one-click start. */
    public record FavouriteOffer(String context, ApiClient client, List<Favourite> favourites) {
        /** "3 favourite port-forwards of context dev: svc/web 8080, ..." */
        public String text() {
            String what = favourites.size() == 1 ? "1 favourite port-forward" : favourites.size() + " favourite port-forwards";
            return what + " of context " + context + ": " + String.join(", ", favourites.stream()
                    .map(f -> f.target().namespace() + "/" + f.target().resource() + " "
                            + (f.localPort() == 0 ? f.target().port() : f.localPort())).toList());
        }
    }

    public ForwardsViewModel(ForwardManager manager, ForwardFavourites favourites, TaskExecutor tasks) {
        this.manager = manager;
        this.favourites = favourites;
        this.tasks = tasks;
        manager.addListener(listener);
    }

    /** Where "open in browser" goes (the desktop's browser); without one, the URL is copied instead. */
    public void setBrowser(Consumer<String> browser) {
        this.browser = browser;
    }

    /**
     * Starts a forward in the background; {@code onStarted} gets its first status, {@code onFailed} the one-line
     * reason (local port in use, pod not running, port not exposed, forbidden, ...). Either runs on the UI thread.
     */
    public void start(String context, ApiClient client, ForwardTarget target, int localPort, String address,
                      Consumer<ForwardStatus> onStarted, Consumer<String> onFailed) {
        tasks.execute(() -> {
            Forward forward = manager.start(context, client, target, localPort, address);
            return forward.status();
        }, status -> {
            ForwardRowViewModel row = show(status, client);
            notice.set("Forwarding " + status.url() + " → " + target.namespace() + "/" + target.resource() + ":"
                    + (status.remotePort() == 0 ? target.port() : status.remotePort()));
            onStarted.accept(row.status());
        }, error -> onFailed.accept(message(error)));
    }

    public void stop(ForwardRowViewModel row) {
        long id = row.id();
        tasks.execute(() -> {
            manager.stop(id);
            return null;
        }, done -> {
            notice.set("Stopped " + describe(row));
            refresh();
        }, error -> notice.set("Could not stop " + describe(row) + ": " + message(error)));
    }

    /** Restarts a running or failed forward, or starts a stopped one again with the same settings. */
    public void restart(ForwardRowViewModel row) {
        ForwardStatus old = row.status();
        boolean known = manager.get(old.id()).isPresent();
        tasks.execute(() -> {
            Forward next = known ? manager.restart(old.id())
                    : manager.start(old.context(), row.client(), old.target(), old.localPort(), old.bindAddress());
            return next.status();
        }, status -> {
            byId.remove(old.id());
            byId.put(status.id(), row);
            row.update(status);
            notice.set("Restarted " + describe(row));
        }, error -> notice.set("Could not restart " + describe(row) + ": " + message(error)));
    }

    /** Drops a stopped or failed forward's row (stopping it first if it is still known to the manager). */
    public void remove(ForwardRowViewModel row) {
        long id = row.id();
        byId.remove(id);
        rows.remove(row);
        tasks.execute(() -> {
            manager.stop(id);
            return null;
        }, done -> { }, error -> { });
    }

    /**
     * A context was opened: offer its saved favourites that are not running yet (nothing when it has none or all
     * run). A later context replaces the offer.
     */
    public void contextOpened(String context, ApiClient client) {
        offer.set(null);
        tasks.execute(() -> favourites.load(context), saved -> {
            List<Favourite> notRunning = saved.stream().filter(f -> !running(context, f)).toList();
            offer.set(notRunning.isEmpty() ? null : new FavouriteOffer(context, client, notRunning));
        }, error -> notice.set(message(error)));
    }

    /** Starts every offered favourite; each that fails says why in the notice (the others still start). */
    public void startFavourites() {
        FavouriteOffer offered = offer.get();
        offer.set(null);
        if (offered == null) {
            return;
        }
        notice.set("Starting " + offered.favourites().size() + " favourite port-forwards…");
        tasks.execute(() -> manager.startAll(offered.context(), offered.client(), offered.favourites()), results -> {
            List<String> failures = new ArrayList<>();
            for (ForwardManager.FavouriteStart result : results) {
                if (result.forward() != null) {
                    show(result.forward().status(), offered.client()).favourite(true);
                } else {
                    failures.add(result.favourite().target().namespace() + "/" + result.favourite().target().resource()
                            + ": " + result.error());
                }
            }
            int started = results.size() - failures.size();
            notice.set("Started " + started + " of " + results.size() + " favourite port-forwards"
                    + (failures.isEmpty() ? "" : "; " + String.join("; ", failures)));
        }, error -> notice.set("Favourites did not start: " + message(error)));
    }

    public void dismissFavourites() {
        offer.set(null);
    }

    /** The offer of favourites to start, or null. */
    public ReadOnlyObjectProperty<FavouriteOffer> offerProperty() {
        return offer.getReadOnlyProperty();
    }

    /** Saves the forward (target, its local port, address) as a favourite of its context. */
    public void saveFavourite(ForwardRowViewModel row) {
        ForwardStatus s = row.status();
        Favourite favourite = new Favourite(s.target(), s.localPort(), s.bindAddress());
        tasks.execute(() -> {
            favourites.add(s.context(), favourite);
            return null;
        }, done -> {
            row.favourite(true);
            notice.set("Saved " + describe(row) + " as a favourite of context " + s.context()
                    + ": offered at start-up");
        }, error -> notice.set("Could not save the favourite: " + message(error)));
    }

    private boolean running(String context, Favourite f) {
        return rows.stream().map(ForwardRowViewModel::status).anyMatch(s -> s.context().equals(context)
                && s.target().equals(f.target()) && !s.state().finished());
    }

    /** Opens the forward's URL in the browser; without a browser, the caller copies it (the notice says so). */
    public boolean openInBrowser(ForwardRowViewModel row) {
        String url = row.status().url();
        if (browser == null) {
            notice.set("No browser available: copied " + url);
            return false;
        }
        browser.accept(url);
        notice.set("Opened " + url);
        return true;
    }

    /** Notes that the URL was copied (the view owns the clipboard). */
    public void copied(ForwardRowViewModel row) {
        notice.set("Copied " + row.status().url());
    }

    /** Reads the byte counters and connection counts, which change without notifications. */
    public void refresh() {
        if (refreshing || closed) {
            return;
        }
        refreshing = true;
        tasks.execute(manager::list, statuses -> {
            refreshing = false;
            statuses.forEach(this::apply);
        }, error -> refreshing = false);
    }

    public ObservableList<ForwardRowViewModel> rows() {
        return rows;
    }

    /** The last outcome: started, stopped, failed to restart, copied ...; null when there is nothing to say. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The row of forward {@code id}, if shown. */
    public ForwardRowViewModel row(long id) {
        return byId.get(id);
    }

    @Override
    public void close() {
        closed = true;
        manager.removeListener(listener);
    }

    /** On a manager thread: keep only the latest status per forward, and apply them all in one UI task. */
    private void changed(ForwardStatus status) {
        pending.merge(status.id(), status, (old, next) -> next);
        if (applyScheduled.compareAndSet(false, true)) {
            tasks.ui().execute(this::applyPending);
        }
    }

    private void applyPending() {
        applyScheduled.set(false);
        for (Long id : List.copyOf(pending.keySet())) {
            ForwardStatus status = pending.remove(id);
            if (status != null) {
                apply(status);
            }
        }
    }

    /**
     * Rows exist only for forwards whose start succeeded: a start that fails is explained where it was asked for and
     * leaves nothing in the list. Notifications that come before start returns are covered by its own status.
     */
    private void apply(ForwardStatus status) {
        ForwardRowViewModel row = byId.get(status.id());
        // a stopped forward is gone from the manager's list; its row keeps the last numbers
        if (row != null && (row.state() != ForwardState.STOPPED || status.state() == ForwardState.STOPPED)) {
            row.update(status);
        }
    }

    private ForwardRowViewModel show(ForwardStatus status, ApiClient client) {
        ForwardRowViewModel row = new ForwardRowViewModel(status, client);
        byId.put(status.id(), row);
        rows.add(row);
        return row;
    }

    static String describe(ForwardRowViewModel row) {
        ForwardStatus s = row.status();
        return s.target().namespace() + "/" + s.target().resource() + " on port " + s.localPort();
    }

    static String message(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
