package dev.podscope.bundle.export;

import dev.podscope.bundle.BundleCancelledException;
import dev.podscope.bundle.BundleExporter;
import dev.podscope.bundle.BundleResult;
import dev.podscope.bundle.BundleScope;
import dev.podscope.bundle.ByteSizes;
import dev.podscope.bundle.LogSelection;
import dev.podscope.probes.ProbeJournal;
import dev.podscope.pods.PodKey;
import dev.podscope.session.ClusterErrors;
import dev.podscope.ui.TaskExecutor;
import io.kubernetes.client.openapi.ApiClient;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Export bundle dialog: what to collect (the current namespace, the selected pods or the whole context), which
 * logs, where to; then the export's progress, Cancel, and its outcome in one line.
 */
public final class BundleExportViewModel {
    public enum Scope { NAMESPACE, SELECTED_PODS, CONTEXT }

    private final ApiClient client;
    private final String context;
    private final String namespace;
    private final List<PodKey> selectedPods;
    private final TaskExecutor tasks;
    private final Clock clock;
    private ProbeJournal probeJournal = new ProbeJournal();

    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>();
    private final ObjectProperty<LogSelection> logs = new SimpleObjectProperty<>(LogSelection.ALL);
    private final BooleanProperty configMapData = new SimpleBooleanProperty();
    private final StringProperty file = new SimpleStringProperty();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final AtomicReference<Progress> latest = new AtomicReference<>();
    private final AtomicBoolean progressPosted = new AtomicBoolean();
    private volatile AtomicBoolean cancel = new AtomicBoolean();

    /**
     * {@code namespace} is the one shown (null when all are), {@code selectedPods} the table's selection;
     * {@code directory} is where the file goes by default.
     */
    public BundleExportViewModel(ApiClient client, String context, String namespace, List<PodKey> selectedPods,
                                 Path directory, TaskExecutor tasks, Clock clock) {
        this.client = client;
        this.context = context;
        this.namespace = namespace;
        this.selectedPods = List.copyOf(selectedPods);
        this.tasks = tasks;
        this.clock = clock;
        scope.set(!this.selectedPods.isEmpty() ? Scope.SELECTED_PODS : namespace != null ? Scope.NAMESPACE : Scope.CONTEXT);
        file.set(directory.resolve("podscope-bundle-" + context.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip").toString());
    }

    /** Whether {@code choice} makes sense here: no namespace scope while all are shown, no selection without pods. */
    public boolean available(Scope choice) {
        return switch (choice) {
            case NAMESPACE -> namespace != null;
            case SELECTED_PODS -> !selectedPods.isEmpty();
            case CONTEXT -> true;
        };
    }

    public String label(Scope choice) {
        return switch (choice) {
            case NAMESPACE -> "Current namespace" + (namespace == null ? "" : " (" + namespace + ")");
            case SELECTED_PODS -> "Selected pods (" + selectedPods.size() + ")";
            case CONTEXT -> "Whole context (" + context + ")";
        };
    }

    public void export() {
        if (running.get()) {
            return;
        }
        Path target;
        try {
            target = Path.of(file.get().strip());
        } catch (InvalidPathException | NullPointerException e) {
            fail("Not a valid file name: " + file.get());
            return;
        }
        if (target.toString().isEmpty() || Files.isDirectory(target)) {
            fail("Choose a file name for the bundle, e.g. bundle.zip");
            return;
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            fail("The folder " + parent + " does not exist");
            return;
        }
        BundleScope bundleScope = switch (scope.get()) {
            case NAMESPACE -> BundleScope.namespaces(List.of(namespace));
            case SELECTED_PODS -> BundleScope.pods(selectedPods);
            case CONTEXT -> BundleScope.everyNamespace();
        };
        BundleScope chosen = bundleScope.withLogs(logs.get()).withConfigMapData(configMapData.get());
        AtomicBoolean cancelled = new AtomicBoolean();
        cancel = cancelled;
        running.set(true);
        failed.set(false);
        outcome.set("");
        progress.set(0);
        step.set("Starting");
        List<ProbeJournal.Entry> probes = probeJournal.of(context);
        tasks.execute(() -> new BundleExporter(client, context, clock).withProbeResults(probes)
                        .export(chosen, target, this::post, cancelled::get),
                this::done, this::failedWith);
    }

    /** The session's probe checks of this context go into the bundle as probes/results.json. */
    public BundleExportViewModel withProbeResults(ProbeJournal journal) {
        this.probeJournal = journal;
        return this;
    }

    /** Stops the export; its partial file is deleted. */
    public void cancel() {
        cancel.set(true);
    }

    /** Called on the exporter's thread: at most one progress update waits for the UI thread at a time. */
    private void post(String text, double fraction) {
        latest.set(new Progress(text, fraction));
        if (progressPosted.compareAndSet(false, true)) {
            tasks.ui().execute(() -> {
                progressPosted.set(false);
                Progress p = latest.get();
                if (running.get() && p != null) {
                    step.set(p.text());
                    progress.set(p.fraction());
                }
            });
        }
    }

    private void done(BundleResult result) {
        running.set(false);
        progress.set(1);
        step.set("Done");
        // the file field shows the whole path; the name is enough here
        outcome.set("Wrote " + result.file().getFileName() + " (" + ByteSizes.format(result.bytes()) + ", " + result.pods() + " pods, "
                + result.redactions() + " values redacted" + (result.missing().isEmpty() ? ""
                : ", " + result.missing().size() + (result.missing().size() == 1 ? " item" : " items")
                + " not collected — see manifest.json") + ")");
    }

    private void failedWith(Throwable error) {
        running.set(false);
        progress.set(0);
        if (error instanceof BundleCancelledException) {
            step.set("Cancelled");
            outcome.set("Export cancelled; no file was written");
            return;
        }
        step.set("Failed");
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (ClusterErrors.httpCode(error) != 0) {
            message = ClusterErrors.describe(error, context, client.getBasePath());
        }
        fail("Export failed: " + message);
    }

    private void fail(String message) {
        failed.set(true);
        outcome.set(message);
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public ObjectProperty<LogSelection> logsProperty() {
        return logs;
    }

    public BooleanProperty configMapDataProperty() {
        return configMapData;
    }

    public StringProperty fileProperty() {
        return file;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Export is possible when not running and a file is named. */
    public BooleanBinding canExport() {
        return Bindings.createBooleanBinding(() -> !running.get() && file.get() != null && !file.get().isBlank(),
                running, file);
    }

    private record Progress(String text, double fraction) {
    }
}
