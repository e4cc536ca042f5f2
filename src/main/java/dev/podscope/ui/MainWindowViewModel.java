package dev.podscope.ui;

import dev.podscope.bundle.export.BundleExportViewModel;
import dev.podscope.pods.PodKey;
import java.nio.file.Path;
import java.util.Optional;
import dev.podscope.kube.KubeContext;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.metrics.MetricsPoller;
import dev.podscope.pods.PodCounts;
import dev.podscope.pods.PodDetailViewModel;
import dev.podscope.pods.PodEventBuffer;
import dev.podscope.pods.PodRowViewModel;
import dev.podscope.pods.PodTableViewModel;
import dev.podscope.session.ConnectionState;
import dev.podscope.session.NamespaceListing;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.List;

/**
 * The main window's state and commands: which context and namespace are shown, the session behind them, the
 * connection state and the notices. Switching context closes the old session and opens a new one in the background;
 * results of a superseded switch are dropped. Never touches controls.
 */
public final class MainWindowViewModel implements AutoCloseable {
    private final KubeconfigSet kubeconfig;
    private final SessionFactory sessions;
    private final TaskExecutor tasks;
    private final boolean sandbox;
    private final Clock clock;
    private final PodTableViewModel table;
    private final PodDetailViewModel detail;
    private final NamespaceChoices namespaces;
    private final ObservableList<KubeContext> contexts;
    private final ReadOnlyObjectWrapper<KubeContext> context = new ReadOnlyObjectWrapper<>(this, "context");
    private final ReadOnlyStringWrapper contextProblem = new ReadOnlyStringWrapper(this, "contextProblem");
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper(this, "server", "");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    private final ObjectProperty<NamespaceChoice> namespace = new SimpleObjectProperty<>(this, "namespace");
    private final ReadOnlyObjectWrapper<MetricsPoller> metrics = new ReadOnlyObjectWrapper<>(this, "metrics");
    private ContextSession session;
    private PodEventBuffer buffer;
    private long generation;

    public MainWindowViewModel(KubeconfigSet kubeconfig, SessionFactory sessions, TaskExecutor tasks, Clock clock,
                               boolean sandbox) {
        this.kubeconfig = kubeconfig;
        this.sessions = sessions;
        this.tasks = tasks;
        this.sandbox = sandbox;
        this.clock = clock;
        this.table = new PodTableViewModel(clock);
        this.detail = new PodDetailViewModel(tasks);
        this.namespaces = new NamespaceChoices(namespace);
        this.contexts = FXCollections.unmodifiableObservableList(FXCollections.observableList(kubeconfig.contexts()));
        namespace.subscribe(choice -> table.showNamespace(choice == null ? null : choice.name()));
        table.countsProperty().subscribe(namespaces::updateCounts);
        table.connectionProperty().subscribe(state -> {
            if (state == ConnectionState.LIVE && session != null) {
                namespaces.restrictToPodScope(session.podScope());
            }
        });
    }

    /** Opens the kubeconfig's current context, or the first one when the current one is missing or unset. */
    public void start() {
        start(null);
    }

    /** Opens {@code contextName}, else the current context, else the first (when those are missing or unset). */
    public void start(String contextName) {
        KubeContext initial = kubeconfig.context(contextName == null ? "" : contextName)
                .or(() -> kubeconfig.context(kubeconfig.currentContext().orElse("")))
                .orElse(contexts.isEmpty() ? null : contexts.getFirst());
        if (initial == null) {
            contextProblem.set(kubeconfig.problems().isEmpty()
                    ? "No contexts found in " + files()
                    : "No usable contexts: " + String.join("; ", kubeconfig.problems()));
            return;
        }
        switchContext(initial);
        if (contextName != null && !contextName.equals(initial.name())) {
            contextProblem.set("There is no context \"" + contextName + "\" in " + files() + "; showing \""
                    + initial.name() + "\"");
        }
    }

    private String files() {
        return String.join(", ", kubeconfig.files().stream().map(kubeconfig::display).toList());
    }

    /** Closes the current session and opens {@code target}'s; the table empties until the new pods arrive. */
    public void switchContext(KubeContext target) {
        if (target == null || target.equals(context.get())) {
            return;
        }
        long current = ++generation;
        ContextSession old = session;
        session = null;
        if (buffer != null) {
            buffer.close();
        }
        stopMetrics();
        context.set(target);
        contextProblem.set(null);
        server.set(target.server() == null ? "" : target.server());
        detail.close();
        table.clear();
        namespaces.reset();
        tasks.execute(() -> {
            if (old != null) {
                old.close();
            }
            return sessions.open(target);
        }, opened -> opened(current, opened), error -> {
            if (current == generation) {
                contextProblem.set(describe(target, error));
                table.fail(error.getMessage());
            }
        });
    }

    private void opened(long current, ContextSession opened) {
        if (current != generation) {
            tasks.execute(() -> {
                opened.close();
                return null;
            }, ignored -> { }, ignored -> { });
            return;
        }
        session = opened;
        server.set(opened.server());
        buffer = new PodEventBuffer(tasks.ui(), clock, table::apply);
        opened.watchPods(buffer);
        startMetrics(opened);
        tasks.whenDone(opened.namespaces(), (NamespaceListing listing) -> {
            if (current == generation) {
                namespaces.listed(listing);
            }
        }, error -> {
            if (current == generation) {
                namespaces.notice("Namespaces could not be listed: " + error.getMessage());
            }
        });
    }

    /** One poller per open context; its polls reach the table on the UI thread. */
    private void startMetrics(ContextSession opened) {
        if (opened.client() == null) {
            return;
        }
        MetricsPoller poller = MetricsPoller.start(opened.client(), opened.contextName(), opened::podScope);
        poller.addListener(poll -> tasks.ui().execute(() -> {
            if (metrics.get() == poller) {
                table.applyMetrics(poll);
            }
        }));
        metrics.set(poller);
    }

    private void stopMetrics() {
        MetricsPoller poller = metrics.get();
        metrics.set(null);
        if (poller != null) {
            poller.close();
        }
    }

    /** Names the context and, unless the message already does, the kubeconfig file that defines it. */
    private String describe(KubeContext target, Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        String file = "";
        if (target.sourceFile() != null && !message.contains(target.sourceFile().toString())
                && !message.contains(kubeconfig.display(target.sourceFile()))) {
            file = " from " + kubeconfig.display(target.sourceFile());
        }
        return "Cannot open context \"" + target.name() + "\"" + file + ": " + message;
    }

    public void open(PodRowViewModel row) {
        detail.show(row);
    }

    public void closeDetail() {
        detail.close();
    }

    public void toggleTheme() {
        darkTheme.set(!darkTheme.get());
    }

    /** Stops the watch; for application exit. */
    @Override
    public void close() {
        generation++;
        stopMetrics();
        if (buffer != null) {
            buffer.close();
        }
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /**
     * The Export bundle dialog's model for the live context, the namespace shown and the {@code selected} pods;
     * empty while no session is open.
     */
    public Optional<BundleExportViewModel> bundleExport(List<PodKey> selected, Path directory) {
        if (session == null) {
            return Optional.empty();
        }
        NamespaceChoice shown = namespace.get();
        String name = shown == null || shown.isAll() ? null : shown.name();
        return Optional.of(new BundleExportViewModel(session.client(),
                session.contextName(), name, selected, directory, tasks, clock));
    }

    public PodTableViewModel table() {
        return table;
    }

    /** The open context's metrics poller (for the pod detail's graphs), or null while none is open. */
    public ReadOnlyObjectProperty<MetricsPoller> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    public PodDetailViewModel detail() {
        return detail;
    }

    public ObservableList<KubeContext> contexts() {
        return contexts;
    }

    public ReadOnlyObjectProperty<KubeContext> contextProperty() {
        return context.getReadOnlyProperty();
    }

    /** Why the chosen context cannot be used (names the context and file), or null. */
    public ReadOnlyStringProperty contextProblemProperty() {
        return contextProblem.getReadOnlyProperty();
    }

    /** Files of the kubeconfig that could not be read; the rest still work. */
    public List<String> kubeconfigProblems() {
        return kubeconfig.problems();
    }

    public ObservableList<NamespaceChoice> namespaces() {
        return namespaces.choices();
    }

    /** The chosen namespace entry; set it to switch (instant: a filter over the pods already known). */
    public ObjectProperty<NamespaceChoice> namespaceProperty() {
        return namespace;
    }

    /** Why only some namespaces are offered (e.g. listing namespaces is forbidden), or null. */
    public ReadOnlyStringProperty namespaceNoticeProperty() {
        return namespaces.noticeProperty();
    }

    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public boolean isSandbox() {
        return sandbox;
    }

    /**
     * "Live", "Connecting…", "Reconnecting — data stale", "Failed": short, for the status bar; the reason is in
     * {@link #connectionNotice()} above the table.
     */
    public ObservableValue<String> connectionText() {
        return table.connectionProperty().map(MainWindowViewModel::describe);
    }

    /** While the pods shown are not current: why, in full (the status bar may have to shorten it); else null. */
    public ObservableValue<String> connectionNotice() {
        return Bindings.createStringBinding(() -> {
            String message = table.connectionMessageProperty().get();
            String why = message == null || message.isBlank() ? "" : ": " + message;
            return switch (table.connectionProperty().get()) {
                case CONNECTING -> message == null || message.isBlank() ? null : message;
                case RECONNECTING -> "Showing pods as last seen, reconnecting" + why;
                case FAILED -> contextProblem.get() == null ? "Pods are no longer updated" + why : null;
                default -> null;
            };
        }, table.connectionProperty(), table.connectionMessageProperty(), contextProblem);
    }

    /** "Running 31 · Pending 3 · Failed 1" for the namespace shown. */
    public ObservableValue<String> phaseSummary() {
        return table.countsProperty().map(PodCounts::phaseSummary);
    }

    private static String describe(ConnectionState state) {
        return switch (state) {
            case CONNECTING -> "Connecting…";
            case LIVE -> "Live";
            case RECONNECTING -> "Reconnecting — data stale";
            case FAILED -> "Failed";
            case STOPPED -> "Stopped";
        };
    }
}
