package dev.podscope.pods.detail;

import dev.podscope.format.ProbeText;
import dev.podscope.logs.LogViewModel;
import dev.podscope.metrics.ContainerGraphsViewModel;
import dev.podscope.metrics.MetricsPoller;
import dev.podscope.metrics.PodName;
import dev.podscope.metrics.PodUsage;
import dev.podscope.pods.PodRowViewModel;
import dev.podscope.ui.TaskExecutor;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.Yaml;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The pod opened from the table, in tabs (see {@link DetailTab}), kept current while the pod changes: overview,
 * containers, metrics, events, logs and YAML, with the "Why?" banner on top when the pod is unhealthy. Reads happen
 * in the background; the logs are read only once their tab is shown, the YAML rendered only while its tab is shown.
 * Closing the detail stops its event watch, log streams and metrics tracking. Never touches controls.
 */
public final class PodDetailViewModel {
    private final TaskExecutor tasks;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<PodRowViewModel> pod = new ReadOnlyObjectWrapper<>(this, "pod");
    private final ReadOnlyObjectWrapper<PodOverview> overview = new ReadOnlyObjectWrapper<>(this, "overview");
    private final ObservableList<ContainerFacts> containers = FXCollections.observableArrayList();
    private final ObservableList<OwnerChain.Link> owners = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper ownersNote = new ReadOnlyStringWrapper(this, "ownersNote", "");
    private final ReadOnlyStringWrapper yaml = new ReadOnlyStringWrapper(this, "yaml", "");
    private final ObjectProperty<DetailTab> tab = new SimpleObjectProperty<>(this, "tab", DetailTab.OVERVIEW);
    private final ReadOnlyObjectWrapper<ContainerGraphsViewModel> graphs = new ReadOnlyObjectWrapper<>(this, "graphs");
    private final ReadOnlyObjectWrapper<LogViewModel> logs = new ReadOnlyObjectWrapper<>(this, "logs");
    private final PodEventsViewModel events;
    private final WhyViewModel why;
    private final ChangeListener<Object> onChange = (obs, old, row) -> refresh();
    private Consumer<String> showPods = selector -> { };
    private ApiClient client;
    private MetricsPoller poller;
    private Runnable unsubscribeMetrics;
    private boolean logsShown;
    private String ownersOf;
    private long renders;

    public PodDetailViewModel(TaskExecutor tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
        this.events = new PodEventsViewModel(tasks, clock);
        this.why = new WhyViewModel(tasks, clock);
        events.rows().addListener((javafx.collections.ListChangeListener<EventRow>) change -> explain());
        tab.addListener((obs, old, now) -> tabShown(now));
        graphs.set(new ContainerGraphsViewModel(null, tasks.ui()));
    }

    /** The open context's client and metrics poller (either may be null); closes what is open. */
    public void connect(ApiClient newClient, MetricsPoller newPoller) {
        close();
        client = newClient;
        poller = newPoller;
        events.client(newClient);
        why.client(newClient);
        graphs.set(new ContainerGraphsViewModel(newPoller, tasks.ui()));
        logs.set(newClient == null ? null : new LogViewModel(newClient, tasks));
    }

    /** Where an owner link leads: the pod table filtered by this label selector. */
    public void onShowPods(Consumer<String> action) {
        showPods = action;
    }

    public void show(PodRowViewModel row) {
        PodRowViewModel previous = pod.get();
        if (previous == row) {
            return;
        }
        if (previous != null) {
            stop(previous);
        }
        pod.set(row);
        if (row == null) {
            return;
        }
        row.printedProperty().addListener(onChange);
        row.usageProperty().addListener(onChange);
        if (poller != null) {
            unsubscribeMetrics = poller.addListener(poll -> tasks.ui().execute(this::explain));
        }
        events.show(row.pod());
        refresh();
        tabShown(tab.get());
    }

    public void close() {
        PodRowViewModel previous = pod.get();
        if (previous != null) {
            stop(previous);
            pod.set(null);
        }
    }

    /** Re-renders the time-dependent strings (ages, "running for"); the view calls it every few seconds. */
    public void tick() {
        if (pod.get() != null) {
            V1Pod p = pod.get().pod();
            overview.set(PodOverview.of(p, clock.instant()));
            List<ContainerFacts> facts = ContainerFacts.of(p, clock.instant(), ProbeText::describe);
            if (!facts.equals(containers)) {
                containers.setAll(facts);
            }
            events.tick();
        }
    }

    /** Follows a link of the owner chain: the table shows that owner's pods. */
    public void showPodsOf(OwnerChain.Link owner) {
        if (owner.selector() != null && !owner.selector().isEmpty()) {
            showPods.accept(owner.selector());
        }
    }

    /** Shows all pods of {@code owner} merged in the Logs tab. */
    public void showLogsOf(OwnerChain.Link owner) {
        LogViewModel model = logs.get();
        if (model != null && owner.hasLogs()) {
            tab.set(DetailTab.LOGS);
            model.showWorkload(owner.namespace(), owner.kind(), owner.name());
        }
    }

    private void stop(PodRowViewModel previous) {
        previous.printedProperty().removeListener(onChange);
        previous.usageProperty().removeListener(onChange);
        if (unsubscribeMetrics != null) {
            unsubscribeMetrics.run();
            unsubscribeMetrics = null;
        }
        events.close();
        why.clear();
        graphs.get().close();
        if (logs.get() != null) {
            logs.get().close();
        }
        logsShown = false;
        ownersOf = null;
        owners.clear();
        ownersNote.set("");
        containers.clear();
        overview.set(null);
        yaml.set("");
        renders++;
    }

    private void refresh() {
        PodRowViewModel row = pod.get();
        if (row == null) {
            return;
        }
        V1Pod p = row.pod();
        overview.set(PodOverview.of(p, clock.instant()));
        List<ContainerFacts> facts = ContainerFacts.of(p, clock.instant(), ProbeText::describe);
        if (!facts.equals(containers)) {
            containers.setAll(facts);
        }
        graphs.get().show(p);
        if (logsShown && logs.get() != null) {
            logs.get().show(p);
        }
        readOwners(p);
        if (tab.get() == DetailTab.YAML) {
            renderYaml(row);
        }
        explain();
    }

    private void explain() {
        PodRowViewModel row = pod.get();
        if (row != null) {
            PodUsage usage = poller == null ? null : poller.latest(PodName.of(row.pod())).orElse(row.usage());
            why.update(row.pod(), events.events(), usage);
        }
    }

    private void tabShown(DetailTab shown) {
        PodRowViewModel row = pod.get();
        if (row == null) {
            return;
        }
        if (shown == DetailTab.LOGS && !logsShown && logs.get() != null) {
            logsShown = true;
            logs.get().show(row.pod());
        } else if (shown == DetailTab.YAML) {
            renderYaml(row);
        }
    }

    /** Owners rarely change: read once per pod (uid). */
    private void readOwners(V1Pod p) {
        String uid = p.getMetadata().getUid() + "/" + p.getMetadata().getName();
        if (uid.equals(ownersOf) || client == null) {
            return;
        }
        ownersOf = uid;
        ApiClient c = client;
        tasks.execute(() -> OwnerChain.read(c, p), chain -> {
            if (uid.equals(ownersOf)) {
                owners.setAll(chain);
                ownersNote.set(chain.isEmpty() ? "No controller owns this pod" : "");
            }
        }, error -> {
            if (uid.equals(ownersOf)) {
                ownersNote.set("The owners cannot be read: " + error.getMessage());
            }
        });
    }

    private void renderYaml(PodRowViewModel row) {
        long render = ++renders;
        V1Pod snapshot = row.pod();
        tasks.execute(() -> Yaml.dump(snapshot), text -> {
            if (render == renders) {
                yaml.set(text);
            }
        }, error -> {
            if (render == renders) {
                yaml.set("# The YAML of " + row.key() + " cannot be shown: " + error.getMessage());
            }
        });
    }

    /** The open pod, or null when nothing is open. */
    public ReadOnlyObjectProperty<PodRowViewModel> podProperty() {
        return pod.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PodOverview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public ObservableList<ContainerFacts> containers() {
        return containers;
    }

    /** The owner chain, nearest first. */
    public ObservableList<OwnerChain.Link> owners() {
        return owners;
    }

    /** "No controller owns this pod", or why the owners cannot be read; "" otherwise. */
    public ReadOnlyStringProperty ownersNoteProperty() {
        return ownersNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty yamlProperty() {
        return yaml.getReadOnlyProperty();
    }

    /** The tab shown; set it to switch. */
    public ObjectProperty<DetailTab> tabProperty() {
        return tab;
    }

    /** Replaced when the context changes (a new poller). */
    public ReadOnlyObjectProperty<ContainerGraphsViewModel> graphsProperty() {
        return graphs.getReadOnlyProperty();
    }

    /** Replaced when the context changes (a new client); null while none is connected. */
    public ReadOnlyObjectProperty<LogViewModel> logsProperty() {
        return logs.getReadOnlyProperty();
    }

    public PodEventsViewModel events() {
        return events;
    }

    public WhyViewModel why() {
        return why;
    }
}
