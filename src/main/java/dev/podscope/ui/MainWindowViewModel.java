package dev.podscope.ui;

import dev.podscope.bundle.open.BundleContexts;
import dev.podscope.bundle.open.OpenedBundle;
import dev.podscope.bundle.export.BundleExportViewModel;
import dev.podscope.pods.PodKey;
import java.nio.file.Path;
import java.util.Optional;
import dev.podscope.kube.KubeContext;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.metrics.MetricsPoller;
import dev.podscope.events.EventsViewModel;
import dev.podscope.events.NamespaceEventRow;
import dev.podscope.pods.PodCounts;
import dev.podscope.pods.PodEventBuffer;
import dev.podscope.pods.PodKey;
import dev.podscope.pods.PodRowViewModel;
import dev.podscope.pods.PodTableViewModel;
import dev.podscope.pods.detail.PodDetailViewModel;
import dev.podscope.portforward.ForwardFavourites;
import dev.podscope.portforward.ForwardManager;
import dev.podscope.portforward.ForwardsViewModel;
import dev.podscope.portforward.StartForwardViewModel;
import dev.podscope.probes.ProbeJournal;
import dev.podscope.probes.ProbeRunner;
import dev.podscope.probes.ProbeViewModel;
import dev.podscope.session.ConnectionState;
import dev.podscope.session.NamespaceListing;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

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
    private final DisplayClock clock;
    private final BundleContexts bundles;
    private final ObservableList<KubeContext> allContexts;
    private final ReadOnlyObjectWrapper<OpenedBundle> bundle = new ReadOnlyObjectWrapper<>(this, "bundle");
    private final PodTableViewModel table;
    private final PodDetailViewModel detail;
    private final EventsViewModel events;
    private final ObjectProperty<MainView> view = new SimpleObjectProperty<>(this, "view", MainView.PODS);
    private final NamespaceChoices namespaces;
    private final ObservableList<KubeContext> contexts;
    private final ReadOnlyObjectWrapper<KubeContext> context = new ReadOnlyObjectWrapper<>(this, "context");
    private final ReadOnlyStringWrapper contextProblem = new ReadOnlyStringWrapper(this, "contextProblem");
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper(this, "server", "");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    private final ObjectProperty<NamespaceChoice> namespace = new SimpleObjectProperty<>(this, "namespace");
    private final ReadOnlyObjectWrapper<MetricsPoller> metrics = new ReadOnlyObjectWrapper<>(this, "metrics");
    private final ForwardManager forwardManager;
    private final ForwardsViewModel forwards;
    private final ProbeRunner probes = new ProbeRunner();
    private final ProbeJournal probeJournal = new ProbeJournal();
    private final BooleanProperty forwardsShown = new SimpleBooleanProperty(this, "forwardsShown");
    private ContextSession session;
    private PodEventBuffer buffer;
    private long generation;

    public MainWindowViewModel(KubeconfigSet kubeconfig, SessionFactory sessions, TaskExecutor tasks, Clock clock,
                               boolean sandbox) {
        this(kubeconfig, sessions, tasks, clock, sandbox, new BundleContexts());
    }

    /** {@code bundles} serves the bundles the user opens (and any opened before the window); the window closes it. */
    public MainWindowViewModel(KubeconfigSet kubeconfig, SessionFactory sessions, TaskExecutor tasks, Clock clock,
                               boolean sandbox, BundleContexts bundles) {
        this(kubeconfig, sessions, tasks, clock, sandbox, bundles, new ForwardManager(),
                ForwardFavourites.inConfigDirectory());
    }

    /** With the app's port-forward manager and the file of favourite forwards. */
    public MainWindowViewModel(KubeconfigSet kubeconfig, SessionFactory sessions, TaskExecutor tasks, Clock clock,
                               boolean sandbox, BundleContexts bundles, ForwardManager forwardManager,
                               ForwardFavourites favourites) {
        this.forwardManager = forwardManager;
        this.forwards = new ForwardsViewModel(forwardManager, favourites, tasks);
        this.kubeconfig = kubeconfig;
        this.sessions = sessions;
        this.tasks = tasks;
        this.sandbox = sandbox;
        this.clock = new DisplayClock(clock);
        this.bundles = bundles;
        this.table = new PodTableViewModel(this.clock);
        this.detail = new PodDetailViewModel(tasks, this.clock);
        this.events = new EventsViewModel(tasks, this.clock);
        this.namespaces = new NamespaceChoices(namespace);
        this.allContexts = FXCollections.observableArrayList(kubeconfig.contexts());
        this.contexts = FXCollections.unmodifiableObservableList(allContexts);
        bundles.all().forEach(this::addBundle);
        namespace.subscribe(choice -> {
            table.showNamespace(choice == null ? null : choice.name());
            events.showNamespace(choice == null ? null : choice.name());
        });
        detail.onShowPods(selector -> {
            view.set(MainView.PODS);
            table.filterTextProperty().set(selector);
        });
        events.onOpen(this::openEventObject);
        view.subscribe(shown -> events.active(shown == MainView.EVENTS));
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
        KubeContext initial = knownContext(contextName == null ? "" : contextName)
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

    /** A context of the kubeconfig or of an open bundle. */
    private Optional<KubeContext> knownContext(String name) {
        return allContexts.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Adds a bundle opened before the window (e.g. {@code podscope --bundle FILE.zip}) to the context list. */
    public void addBundle(OpenedBundle opened) {
        allContexts.removeIf(c -> c.name().equals(opened.context().name()));
        allContexts.add(opened.context());
    }

    /**
     * Verifies and serves {@code file} in the background, then shows it: the context list gains the bundle's context
     * and the window switches to it. A file that is no bundle, or a broken one, is reported as the context problem.
     */
    public void openBundle(Path file) {
        tasks.execute(() -> bundles.open(file), opened -> {
            addBundle(opened);
            switchContext(opened.context());
        }, error -> contextProblem.set(error.getMessage() == null ? "Cannot open " + file : error.getMessage()));
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
        detail.connect(null, null);
        events.connect(null);
        OpenedBundle shownBundle = bundles.bundle(target.name()).orElse(null);
        clock.freezeAt(shownBundle == null ? null : shownBundle.manifest().createdAt());
        table.tick();
        bundle.set(shownBundle);
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
            Optional<KubeconfigSet> bundleConfig = bundles.kubeconfig(target.name());
            return bundleConfig.isPresent() ? SessionFactory.forKubeconfig(bundleConfig.get()).open(target)
                    : sessions.open(target);
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
        detail.connect(opened.client(), metrics.get());
        events.connect(opened.client());
        if (opened.client() != null) {
            forwards.contextOpened(opened.contextName(), opened.client());
        }
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

    /**
     * Follows an event's object link: a pod opens in the detail (in the Pods view); a workload filters the pod table
     * by its name. A pod that no longer exists says so.
     */
    void openEventObject(NamespaceEventRow row) {
        if (row.isPod()) {
            PodRowViewModel pod = table.row(new PodKey(row.namespace(), row.name()));
            if (pod == null) {
                events.linkNotice("Pod " + row.namespace() + "/" + row.name() + " no longer exists");
                return;
            }
            view.set(MainView.PODS);
            open(pod);
        } else if (java.util.List.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job").contains(row.kind())) {
            view.set(MainView.PODS);
            table.filterTextProperty().set(row.name());
        } else {
            events.linkNotice(row.object() + " is not shown in Podscope yet");
        }
    }

    /** The start-forward form for {@code row}'s pod, or null (with the reason shown) while no context is open. */
    public StartForwardViewModel startForward(PodRowViewModel row) {
        if (!hasClient("start a port-forward")) {
            return null;
        }
        return new StartForwardViewModel(forwards, tasks, session.contextName(), session.client(),
                row.key().namespace(), row.pod());
    }

    /** The start-forward form for a Service of the namespace shown (the context's session namespace for "all"). */
    public StartForwardViewModel startServiceForward() {
        if (!hasClient("start a port-forward")) {
            return null;
        }
        NamespaceChoice shown = namespace.get();
        String ns = shown != null && shown.name() != null ? shown.name()
                : session.podScope() != null ? session.podScope() : "default";
        return new StartForwardViewModel(forwards, tasks, session.contextName(), session.client(), ns, null);
    }

    /** The probe dialog's model for {@code row}'s pod, or null (with the reason shown) while no context is open. */
    public ProbeViewModel probe(PodRowViewModel row) {
        if (!hasClient("run a probe")) {
            return null;
        }
        return new ProbeViewModel(probes, tasks, session.client(), row.pod(), probeJournal, session.contextName());
    }

    private boolean hasClient(String what) {
        if (readOnlyProperty().get()) {
            contextProblem.set("Cannot " + what + " in a bundle: it is a read-only capture");
            return false;
        }
        if (session == null || session.client() == null) {
            contextProblem.set("Cannot " + what + " until the context is connected");
            return false;
        }
        return true;
    }

    public ForwardsViewModel forwards() {
        return forwards;
    }

    /** Whether the port-forwards panel is shown. */
    public BooleanProperty forwardsShownProperty() {
        return forwardsShown;
    }

    public void toggleTheme() {
        darkTheme.set(!darkTheme.get());
    }

    /** Stops the watch and every port-forward; for application exit. */
    @Override
    public void close() {
        generation++;
        detail.close();
        events.close();
        stopMetrics();
        forwards.close();
        forwardManager.closeAll();
        if (buffer != null) {
            buffer.close();
        }
        if (session != null) {
            session.close();
            session = null;
        }
        bundles.close();
    }

    /**
     * The Export bundle dialog's model for the live context, the namespace shown and the {@code selected} pods;
     * empty while no session is open or a bundle (read-only) is shown.
     */
    public Optional<BundleExportViewModel> bundleExport(List<PodKey> selected, Path directory) {
        if (session == null || readOnlyProperty().get()) {
            return Optional.empty();
        }
        NamespaceChoice shown = namespace.get();
        String name = shown == null || shown.isAll() ? null : shown.name();
        return Optional.of(new BundleExportViewModel(session.client(),
                session.contextName(), name, selected, directory, tasks, clock).withProbeResults(probeJournal));
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

    public EventsViewModel events() {
        return events;
    }

    /** Pods or Events in the centre of the window; set it to switch. */
    public ObjectProperty<MainView> viewProperty() {
        return view;
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

    /** The bundle shown (read-only, as captured), or null while a live context is shown. */
    public ReadOnlyObjectProperty<OpenedBundle> bundleProperty() {
        return bundle.getReadOnlyProperty();
    }

    /** True while a bundle is shown: actions that change the cluster must be disabled. */
    public BooleanBinding readOnlyProperty() {
        return bundle.isNotNull();
    }

    /** "Podscope — dev", or for a bundle "Podscope — prod-eu (bundle, read-only, captured 2026-11-25 12:00:00 UTC)". */
    public ObservableValue<String> title() {
        return Bindings.createStringBinding(() -> {
            KubeContext shown = context.get();
            OpenedBundle b = bundle.get();
            if (shown == null) {
                return "Podscope";
            }
            return b == null ? "Podscope — " + shown.name() : "Podscope — " + b.manifest().context()
                    + " (bundle, read-only, captured " + b.capturedAt() + ")";
        }, context, bundle);
    }

    /**
     * "Live", "Connecting…", "Reconnecting — data stale", "Failed": short, for the status bar; the reason is in
     * {@link #connectionNotice()} above the table.
     */
    public ObservableValue<String> connectionText() {
        return Bindings.createStringBinding(() -> {
            OpenedBundle b = bundle.get();
            ConnectionState state = table.connectionProperty().get();
            return b != null && state == ConnectionState.LIVE ? "Read-only bundle · captured " + b.capturedAt()
                    : describe(state);
        }, table.connectionProperty(), bundle);
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
