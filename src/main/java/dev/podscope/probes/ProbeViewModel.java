package dev.podscope.probes;

import dev.podscope.ui.TaskExecutor;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * "Run probe now" for one pod: the containers that declare probes and, per container, the kinds it declares; one
 * run or a repeat every periodSeconds; an ad-hoc HTTP path or TCP port check. Each result of a declared probe is
 * compared with what the kubelet last reported (Ready condition, latest Unhealthy event), read fresh from the API.
 * Runs and comparisons happen off the UI thread; a superseded run's result still enters the history.
 */
public final class ProbeViewModel implements AutoCloseable {
    public enum AdHoc { HTTP, TCP }

    /** One result with its comparison (null for ad-hoc checks or when the kubelet's view could not be read). */
    public record Outcome(ProbeResult result, ProbeComparison comparison, String comparisonProblem, String what) {
    }

    private final ProbeRunner runner;
    private final TaskExecutor tasks;
    private final ApiClient client;
    private final V1Pod pod;
    private final ProbeJournal journal;
    private final String context;
    private final ObservableList<String> containers = FXCollections.observableArrayList();
    private final ObjectProperty<String> container = new SimpleObjectProperty<>(this, "container");
    private final ObservableList<ProbeKind> kinds = FXCollections.observableArrayList();
    private final ObjectProperty<ProbeKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final ReadOnlyStringWrapper definition = new ReadOnlyStringWrapper(this, "definition", "");
    private final IntegerProperty repeatTimes = new SimpleIntegerProperty(this, "repeatTimes", 5);
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ObservableList<Outcome> history = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObjectProperty<AdHoc> adHoc = new SimpleObjectProperty<>(this, "adHoc", AdHoc.HTTP);
    private final StringProperty adHocPort = new SimpleStringProperty(this, "adHocPort", "");
    private final StringProperty adHocPath = new SimpleStringProperty(this, "adHocPath", "/");
    private ProbeRepeat repeat;
    private long runs;

    /** Every result also goes to {@code journal} under {@code context}, for the session's diagnostic bundles. */
    public ProbeViewModel(ProbeRunner runner, TaskExecutor tasks, ApiClient client, V1Pod pod, ProbeJournal journal,
                          String context) {
        this.runner = runner;
        this.tasks = tasks;
        this.client = client;
        this.pod = pod;
        this.journal = journal;
        this.context = context;
        for (V1Container c : containers(pod)) {
            if (!declared(c).isEmpty()) {
                containers.add(c.getName());
            }
        }
        container.subscribe(name -> {
            V1Container c = find(name);
            kinds.setAll(c == null ? List.of() : declared(c));
            kind.set(kinds.isEmpty() ? null : kinds.contains(ProbeKind.READINESS) ? ProbeKind.READINESS : kinds.getFirst());
        });
        kind.subscribe(k -> definition.set(k == null || find(container.get()) == null ? ""
                : ProbeDescription.of(k.of(find(container.get())))));
        container.set(containers.isEmpty() ? null : containers.getFirst());
        status.set(containers.isEmpty() ? "No container of this pod declares a probe: try an ad-hoc check" : "");
        adHocPort.set(firstPort());
    }

    /** Runs the chosen probe once and compares the result with the kubelet's view. */
    public void run() {
        String c = container.get();
        ProbeKind k = kind.get();
        if (c == null || k == null) {
            return;
        }
        runOnce("Running the " + k.name().toLowerCase(java.util.Locale.ROOT) + " probe of " + c + "…",
                () -> declaredOutcome(c, k));
    }

    /** Runs the chosen probe {@link #repeatTimesProperty()} times, periodSeconds apart; each result arrives live. */
    public void repeat() {
        String c = container.get();
        ProbeKind k = kind.get();
        if (c == null || k == null) {
            return;
        }
        cancelRepeat();
        long run = ++runs;
        int times = Math.max(1, repeatTimes.get());
        int period = ProbeDescription.period(k.of(find(c)));
        running.set(true);
        status.set("Repeating " + times + " times, every " + period + " s…");
        int[] done = {0};
        repeat = ProbeRepeat.start(() -> runQuietly(c, k), Duration.ofSeconds(period), times, result -> {
            Outcome compared = compare(c, k, result);
            tasks.ui().execute(() -> {
                add(compared);
                if (run == runs) {
                    done[0]++;
                    boolean finished = done[0] >= times;
                    running.set(!finished);
                    status.set(finished ? "Repeated " + times + " times"
                            : "Run " + done[0] + " of " + times + ", every " + period + " s…");
                }
            });
        });
    }

    /** Stops a repeat after the run in progress. */
    public void cancelRepeat() {
        if (repeat != null) {
            repeat.cancel();
            repeat = null;
            if (running.get()) {
                running.set(false);
                status.set("Repeat stopped");
            }
        }
    }

    /** GETs the ad-hoc path, or connects to the ad-hoc port, of the pod. */
    public void runAdHoc() {
        String port = adHocPort.get() == null ? "" : adHocPort.get().strip();
        if (port.isEmpty()) {
            status.set("Enter a port number or a container port name");
            return;
        }
        AdHoc how = adHoc.get();
        String path = adHocPath.get() == null || adHocPath.get().isBlank() ? "/" : adHocPath.get().strip();
        String what = how == AdHoc.HTTP ? "GET :" + port + path : "TCP :" + port;
        runOnce("Checking " + what + "…", () -> new Outcome(how == AdHoc.HTTP
                ? runner.runAdHocHttp(client, pod, port, path) : runner.runAdHocTcp(client, pod, port),
                null, null, "ad-hoc " + what));
    }

    /** One run in the background; only the newest run's end clears or sets the status. */
    private void runOnce(String runningStatus, Callable<Outcome> work) {
        cancelRepeat();
        long run = ++runs;
        running.set(true);
        status.set(runningStatus);
        tasks.execute(work, result -> {
            add(result);
            if (run == runs) {
                running.set(false);
                status.set("");
            }
        }, error -> {
            if (run == runs) {
                running.set(false);
                status.set(message(error));
            }
        });
    }

    private Outcome declaredOutcome(String c, ProbeKind k) throws ProbeException {
        return compare(c, k, runner.run(client, pod, c, k));
    }

    /** A failed attempt (no such port, pod gone) is a failed probe for the repeat's history. */
    private ProbeResult runQuietly(String c, ProbeKind k) {
        try {
            return runner.run(client, pod, c, k);
        } catch (ProbeException | RuntimeException e) {
            return new ProbeResult(false, Duration.ZERO, 0, "", message(e), Instant.now(), k.label());
        }
    }

    /** Reads the pod and its Unhealthy events now, so the kubelet's view is as current as our result. */
    private Outcome compare(String c, ProbeKind k, ProbeResult result) {
        String what = k.label() + " probe of " + c;
        try {
            V1Pod fresh = new CoreV1Api(client).readNamespacedPod(pod.getMetadata().getName(),
                    pod.getMetadata().getNamespace()).execute();
            return new Outcome(result, ProbeComparison.of(client, fresh, c, k, result), null, what);
        } catch (Exception e) {
            return new Outcome(result, null, "The kubelet's view could not be read: " + message(e), what);
        }
    }

    private void add(Outcome result) {
        ProbeComparison comparison = result.comparison();
        journal.record(new ProbeJournal.Entry(context, pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                result.what(), result.result(), comparison != null ? comparison.summary() : result.comparisonProblem(),
                comparison == null ? null : comparison.agrees()));
        outcome.set(result);
        history.addFirst(result);
        if (history.size() > ProbeRepeat.HISTORY) {
            history.removeLast();
        }
    }

    @Override
    public void close() {
        runs++;
        cancelRepeat();
    }

    private static List<V1Container> containers(V1Pod pod) {
        List<V1Container> all = new ArrayList<>();
        if (pod.getSpec() == null) {
            return all;
        }
        if (pod.getSpec().getInitContainers() != null) {
            // native sidecars (restartPolicy Always) are probed like regular containers
            pod.getSpec().getInitContainers().stream().filter(c -> "Always".equals(c.getRestartPolicy())).forEach(all::add);
        }
        all.addAll(pod.getSpec().getContainers());
        return all;
    }

    private static List<ProbeKind> declared(V1Container c) {
        return List.of(ProbeKind.values()).stream().filter(k -> k.of(c) != null).toList();
    }

    private V1Container find(String name) {
        return name == null ? null : containers(pod).stream().filter(c -> c.getName().equals(name)).findFirst().orElse(null);
    }

    /** The first declared port's name (or number), a sensible start for the ad-hoc check. */
    private String firstPort() {
        return containers(pod).stream().filter(c -> c.getPorts() != null).flatMap(c -> c.getPorts().stream())
                .findFirst().map(p -> p.getName() != null ? p.getName() : Integer.toString(p.getContainerPort()))
                .orElse("");
    }

    static String message(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    public String title() {
        return "Run probe now — " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    public ObservableList<String> containers() {
        return containers;
    }

    public ObjectProperty<String> containerProperty() {
        return container;
    }

    /** The kinds of probe the chosen container declares. */
    public ObservableList<ProbeKind> kinds() {
        return kinds;
    }

    public ObjectProperty<ProbeKind> kindProperty() {
        return kind;
    }

    /** The chosen probe in one line ("HTTP GET :http/readyz · timeout 1s · every 10s · fails after 3"). */
    public ReadOnlyStringProperty definitionProperty() {
        return definition.getReadOnlyProperty();
    }

    public IntegerProperty repeatTimesProperty() {
        return repeatTimes;
    }

    /** The latest result, or null before the first. */
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The last results, newest first. */
    public ObservableList<Outcome> history() {
        return history;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What is going on ("Run 2 of 5…") or why a run could not start; empty when idle. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<AdHoc> adHocProperty() {
        return adHoc;
    }

    public StringProperty adHocPortProperty() {
        return adHocPort;
    }

    public StringProperty adHocPathProperty() {
        return adHocPath;
    }
}
