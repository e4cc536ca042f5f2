package dev.podscope.metrics;

import io.kubernetes.client.openapi.models.V1Pod;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * CPU and memory graphs of the containers of one pod, fed by a context's {@link MetricsPoller}. Polls arrive on
 * the poller's thread; at most one refresh is queued on the UI thread at a time, however many polls come. When
 * there is nothing to draw, {@link #messageProperty()} says why in plain words instead.
 */
public final class ContainerGraphsViewModel {
    private final MetricsPoller poller;
    private final Executor ui;
    private final ObjectProperty<UsageWindow> window =
            new SimpleObjectProperty<>(this, "window", UsageWindow.FIVE_MINUTES);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final ReadOnlyBooleanWrapper chartsShown = new ReadOnlyBooleanWrapper(this, "chartsShown");
    private final ReadOnlyIntegerWrapper refreshes = new ReadOnlyIntegerWrapper(this, "refreshes");
    private final ObservableList<ContainerGraphViewModel> containers = FXCollections.observableArrayList();
    private final ObservableList<ContainerGraphViewModel> containersReadOnly =
            FXCollections.unmodifiableObservableList(containers);
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private V1Pod pod;
    private PodName name;
    private AutoCloseable tracking;
    private Runnable unsubscribe;

    /** Refreshes on the JavaFX thread; {@code poller} may be null while no context is open. */
    public ContainerGraphsViewModel(MetricsPoller poller) {
        this(poller, Platform::runLater);
    }

    public ContainerGraphsViewModel(MetricsPoller poller, Executor ui) {
        this.poller = poller;
        this.ui = ui;
        window.addListener((obs, old, value) -> refresh());
        message.set(poller == null ? "Metrics are not available: no cluster is connected" : null);
    }

    /** Shows {@code pod}'s containers; call again with a newer version of the same pod to update its limits. */
    public void show(V1Pod newPod) {
        PodName newName = newPod == null ? null : PodName.of(newPod);
        if (newName == null || !newName.equals(name)) {
            close();
        }
        pod = newPod;
        if (newPod == null) {
            return;
        }
        if (name == null && poller != null) {
            name = newName;
            tracking = poller.track(name);
            unsubscribe = poller.addListener(poll -> queueRefresh());
        }
        name = newName;
        refresh();
    }

    /** Stops following the pod; the poller keeps running for the context. */
    public void close() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        if (tracking != null) {
            try {
                tracking.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            tracking = null;
        }
        name = null;
        pod = null;
        containers.clear();
        chartsShown.set(false);
    }

    public ObjectProperty<UsageWindow> windowProperty() {
        return window;
    }

    /** Why no charts are shown (absent, forbidden, failed, waiting for the first sample), else null. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** A remark while charts are shown (e.g. the last poll failed, the values are older), else null. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty chartsShownProperty() {
        return chartsShown.getReadOnlyProperty();
    }

    /** Counts refreshes applied on the UI thread, so a test can wait for the next one. */
    public ReadOnlyIntegerProperty refreshesProperty() {
        return refreshes.getReadOnlyProperty();
    }

    public ObservableList<ContainerGraphViewModel> containers() {
        return containersReadOnly;
    }

    /** "15 s" or "200 ms". */
    public String resolutionText() {
        return poller == null ? "" : describe(poller.resolution());
    }

    static String describe(Duration resolution) {
        long millis = resolution.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private void queueRefresh() {
        if (refreshQueued.compareAndSet(false, true)) {
            ui.execute(() -> {
                refreshQueued.set(false);
                refresh();
            });
        }
    }

    private void refresh() {
        if (poller == null || pod == null || name == null) {
            return;
        }
        List<UsageSeries> history = poller.history(name, window.get().duration());
        Map<String, UsageSeries> byContainer = new HashMap<>();
        history.forEach(s -> byContainer.put(s.container(), s));
        boolean anySamples = history.stream().anyMatch(s -> !s.isEmpty());
        MetricsStatus status = poller.status();
        if (!anySamples) {
            message.set(emptyMessage(status));
            notice.set(null);
            chartsShown.set(false);
        } else {
            message.set(null);
            notice.set(status.available() || status.message() == null ? null
                    : "Showing the last samples received: " + status.message());
            chartsShown.set(true);
            update(byContainer);
        }
        refreshes.set(refreshes.get() + 1);
    }

    private void update(Map<String, UsageSeries> byContainer) {
        List<ContainerLimits> limits = ContainerLimits.of(pod);
        Map<String, ContainerGraphViewModel> existing = new HashMap<>();
        containers.forEach(c -> existing.put(c.name(), c));
        List<ContainerGraphViewModel> wanted = new ArrayList<>();
        for (ContainerLimits l : limits) {
            ContainerGraphViewModel graph = existing.getOrDefault(l.container(), new ContainerGraphViewModel(l.container()));
            graph.limits(l);
            UsageSeries series = byContainer.getOrDefault(l.container(),
                    new UsageSeries(l.container(), new long[0], new float[0], new float[0]));
            graph.samples(new ContainerGraphViewModel.Samples(series, window.get(), poller.newestSample()));
            wanted.add(graph);
        }
        if (!wanted.equals(containers)) {
            containers.setAll(wanted);
        }
    }

    private String emptyMessage(MetricsStatus status) {
        if (!status.available() && status.message() != null) {
            return status.message();
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if (phase != null && !"Running".equals(phase)) {
            return "No metrics while the pod is " + phase + ": metrics.k8s.io reports running containers only";
        }
        return "Waiting for the first sample, resolution " + describe(poller.resolution())
                + " (a container has metrics once it has run a whole window)";
    }
}
