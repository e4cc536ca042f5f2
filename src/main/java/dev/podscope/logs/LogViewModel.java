package dev.podscope.logs;

import dev.podscope.ui.TaskExecutor;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Pod;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The logs of one pod (a container, its previous instance, or all containers merged) or of all pods of a workload:
 * what is read and how it is shown. Reading happens on stream threads; lines reach the screen once per frame
 * through {@link LogLinesViewModel}. Changing the container, previous, follow, tail or since reads again;
 * timestamps and wrap only change the display (timestamps are always requested, to merge and to show them).
 */
public final class LogViewModel {
    public static final long DEFAULT_TAIL = 1000;

    private final ApiClient client;
    private final TaskExecutor tasks;
    private final LogLinesViewModel lines;
    private final LogSearchViewModel search;
    private final ObservableList<ContainerChoice> containers = FXCollections.observableArrayList();
    private final ObjectProperty<ContainerChoice> container = new SimpleObjectProperty<>(this, "container");
    private final BooleanProperty previous = new SimpleBooleanProperty(this, "previous");
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    private final BooleanProperty timestamps = new SimpleBooleanProperty(this, "timestamps");
    private final BooleanProperty wrap = new SimpleBooleanProperty(this, "wrap");
    private final ObjectProperty<Long> tailLines = new SimpleObjectProperty<>(this, "tailLines", DEFAULT_TAIL);
    private final ObjectProperty<Long> sinceSeconds = new SimpleObjectProperty<>(this, "sinceSeconds");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper streaming = new ReadOnlyBooleanWrapper(this, "streaming");
    private final Map<Integer, String> problems = new TreeMap<>();
    private List<String> sources = List.of();
    private List<V1Pod> pods = List.of();
    private AutoCloseable reading;
    private int running;
    private boolean showing;

    public LogViewModel(ApiClient client, TaskExecutor tasks) {
        this(client, tasks, LogBuffer.DEFAULT_CAPACITY);
    }

    /** {@code capacity}: how many lines the viewer keeps before it drops the oldest. */
    public LogViewModel(ApiClient client, TaskExecutor tasks, int capacity) {
        this.client = client;
        this.tasks = tasks;
        this.lines = new LogLinesViewModel(capacity);
        this.search = new LogSearchViewModel(lines.lines(), this::displayText);
        container.addListener((obs, old, now) -> reload());
        previous.addListener((obs, old, now) -> reload());
        follow.addListener((obs, old, now) -> reload());
        tailLines.addListener((obs, old, now) -> reload());
        sinceSeconds.addListener((obs, old, now) -> reload());
    }

    /**
     * Shows the logs of {@code pod}: its default container (annotation, else the first app container). Showing a newer
     * version of the pod already shown (same uid) keeps what is read and only refreshes the container list, so the
     * pod detail may pass on every update of its pod.
     */
    public void show(V1Pod pod) {
        if (showing && pods.size() == 1 && sameUid(pods.getFirst(), pod)) {
            pods = List.of(pod);
            return;
        }
        showing = false;
        pods = List.of(pod);
        title.set(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
        List<ContainerChoice> choices = new ArrayList<>(ContainerChoice.of(pod));
        if (choices.size() > 1) {
            choices.add(ContainerChoice.ALL);
        }
        containers.setAll(choices);
        String first = ContainerChoice.defaultContainer(pod).orElse(null);
        container.set(choices.stream().filter(c -> c.name().equals(first) && !c.all()).findFirst()
                .orElse(choices.isEmpty() ? null : choices.getFirst()));
        showing = true;
        reload();
    }

    /** Shows all containers of all pods of a Deployment, ReplicaSet, StatefulSet, DaemonSet or Job, merged. */
    public void showWorkload(String namespace, String kind, String name) {
        stopReading();
        showing = false;
        title.set(namespace + "/" + kind + "/" + name);
        status.set("Finding the pods of " + kind + " " + name + "…");
        tasks.execute(() -> WorkloadPods.list(client, namespace, kind, name), found -> {
            pods = found;
            containers.setAll(List.of(ContainerChoice.ALL));
            container.set(ContainerChoice.ALL);
            showing = true;
            reload();
            if (found.isEmpty()) {
                status.set(kind + " " + namespace + "/" + name + " has no pods");
            }
        }, error -> status.set(error instanceof LogException ? error.getMessage()
                : "Cannot find the pods of " + kind + " " + name + ": " + error.getMessage()));
    }

    /** Stops reading and forgets the lines. */
    public void close() {
        showing = false;
        stopReading();
        lines.clear(false);
        lines.stop();
        pods = List.of();
        containers.clear();
        status.set("");
        title.set("");
    }

    /** Reads again with the current settings. */
    public void reload() {
        if (!showing || pods.isEmpty() || container.get() == null) {
            return;
        }
        stopReading();
        List<LogRequest> requests = requests();
        sources = requests.stream().map(LogRequest::label).toList();
        lines.clear(requests.size() > 1);
        problems.clear();
        running = requests.size();
        streaming.set(true);
        LogSink sink = lines.sink(new LogSink() {
            @Override
            public void lines(List<LogLine> batch) {
            }

            @Override
            public void ended(int source, String problem) {
                tasks.ui().execute(() -> streamEnded(source, problem));
            }
        });
        reading = requests.size() == 1 ? LogStream.open(client, requests.getFirst(), 0, sink)
                : MergedLogs.open(client, requests, sink);
        lines.start();
        updateStatus();
    }

    /** Writes every kept line, as shown (prefix, timestamps) but in full and without colour codes, on a background thread. */
    public void download(Path file, Consumer<Path> onDone) {
        List<String> text = snapshot(allIndices());
        tasks.execute(() -> LogFiles.write(file, text), onDone,
                error -> status.set("Cannot write " + file + ": " + error.getMessage()));
    }

    /** {@link #download(Path, Consumer)} that reports the result in the status line. */
    public void download(Path file) {
        download(file, written -> status.set("Saved " + lines.lines().size() + " lines to " + written));
    }

    /** The text of the lines at {@code indices} (all lines when empty), one per line, for the clipboard. */
    public String copyText(List<Integer> indices) {
        return String.join("\n", snapshot(indices.isEmpty() ? allIndices() : indices));
    }

    /** What a line shows, in full: {@code [pod/container] } when several logs are merged, the timestamp when on, the text without colour codes. */
    public String displayText(LogLine line) {
        return LogLineText.prefix(line, sources, timestamps.get()) + AnsiText.strip(line.text());
    }

    public LogLinesViewModel lines() {
        return lines;
    }

    public LogSearchViewModel search() {
        return search;
    }

    public ObservableList<ContainerChoice> containers() {
        return containers;
    }

    public ObjectProperty<ContainerChoice> containerProperty() {
        return container;
    }

    public BooleanProperty previousProperty() {
        return previous;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public BooleanProperty timestampsProperty() {
        return timestamps;
    }

    public BooleanProperty wrapProperty() {
        return wrap;
    }

    /** null for the whole log. */
    public ObjectProperty<Long> tailLinesProperty() {
        return tailLines;
    }

    /** null for no time limit. */
    public ObjectProperty<Long> sinceSecondsProperty() {
        return sinceSeconds;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty streamingProperty() {
        return streaming.getReadOnlyProperty();
    }

    /** The labels of the logs shown, {@code pod/container}; the prefix colour of a line is its source's index. */
    public List<String> sources() {
        return sources;
    }

    private static boolean sameUid(V1Pod a, V1Pod b) {
        String uid = a.getMetadata().getUid();
        return uid != null && uid.equals(b.getMetadata().getUid())
                && a.getMetadata().getName().equals(b.getMetadata().getName());
    }

    private List<LogRequest> requests() {
        List<LogRequest> requests = new ArrayList<>();
        for (V1Pod pod : pods) {
            List<String> names = container.get().all()
                    ? ContainerChoice.of(pod).stream().map(ContainerChoice::name).toList()
                    : List.of(container.get().name());
            for (String name : names) {
                requests.add(LogRequest.of(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), name)
                        .withFollow(follow.get()).withPrevious(previous.get()).withTimestamps(true)
                        .withTailLines(tailLines.get()).withSinceSeconds(sinceSeconds.get()));
            }
        }
        return requests;
    }

    private void streamEnded(int source, String problem) {
        running--;
        if (problem != null) {
            problems.put(source, problem);
        }
        if (running <= 0) {
            streaming.set(false);
        }
        updateStatus();
    }

    private void updateStatus() {
        String what = sources.size() == 1 ? sources.getFirst() : sources.size() + " logs";
        String state = streaming.get() ? (follow.get() ? "Following " : "Reading ") + what
                : (sources.size() == 1 ? "End of the log of " : "End of ") + what;
        if (problems.isEmpty()) {
            status.set(state);
        } else if (sources.size() == 1) {
            status.set(problems.values().iterator().next());
        } else {
            status.set(state + " · " + String.join("; ", problems.values()));
        }
    }

    private void stopReading() {
        if (reading != null) {
            try {
                reading.close();
            } catch (Exception e) {
                // closing a stream only cancels its call; nothing to report
            }
            reading = null;
        }
        streaming.set(false);
    }

    private List<Integer> allIndices() {
        List<Integer> all = new ArrayList<>(lines.lines().size());
        for (int i = 0; i < lines.lines().size(); i++) {
            all.add(i);
        }
        return all;
    }

    private List<String> snapshot(List<Integer> indices) {
        List<String> text = new ArrayList<>(indices.size());
        for (int i : indices) {
            text.add(displayText(lines.lines().get(i)));
        }
        return text;
    }
}
