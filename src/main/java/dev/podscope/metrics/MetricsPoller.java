package dev.podscope.metrics;

import io.kubernetes.client.openapi.ApiClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * Polls one context's PodMetrics (all namespaces, or the one namespace the user may see) every resolution on a
 * daemon thread, keeps a bounded history ({@link UsageHistory}) and tells listeners after each poll, off the UI
 * thread. One per open context: created when the context opens, closed when it is left.
 */
public final class MetricsPoller implements AutoCloseable {
    public static final Duration DEFAULT_RESOLUTION = Duration.ofSeconds(15);
    /** A Go-style duration ({@code 15s}, {@code 200ms}); also read from the user preference of the same name. */
    public static final String RESOLUTION_PROPERTY = "podscope.metrics.resolution";
    private static final Duration MIN_RESOLUTION = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(MetricsPoller.class);

    private final MetricsReader reader;
    private final Duration resolution;
    private final Supplier<String> podScope;
    private final UsageHistory history;
    private final List<MetricsListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread;
    private volatile MetricsStatus status = MetricsStatus.UNKNOWN;
    private volatile boolean closed;
    private volatile String namespace;
    private long polls;
    private boolean started;

    /**
     * @param podScope the one namespace the user may list pods in, or null for all: asked when listing metrics of
     *                 all namespaces is forbidden
     */
    public MetricsPoller(MetricsReader reader, Duration resolution, Supplier<String> podScope) {
        this.reader = reader;
        this.resolution = resolution.compareTo(MIN_RESOLUTION) < 0 ? MIN_RESOLUTION : resolution;
        this.podScope = podScope;
        this.history = new UsageHistory(this.resolution);
        this.thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("podscope-metrics-" + reader.context()).factory());
    }

    /** A started poller for a session's client at the {@link #configuredResolution()}. */
    public static MetricsPoller start(ApiClient client, String context, Supplier<String> podScope) {
        MetricsPoller poller = new MetricsPoller(new MetricsReader(client, context), configuredResolution(), podScope);
        poller.start();
        return poller;
    }

    /** The system property {@value #RESOLUTION_PROPERTY}, else the user preference, else 15 s. */
    public static Duration configuredResolution() {
        String text = System.getProperty(RESOLUTION_PROPERTY);
        if (text == null) {
            try {
                text = Preferences.userRoot().node("dev/podscope").get(RESOLUTION_PROPERTY, null);
            } catch (RuntimeException | LinkageError noPreferences) {
                text = null;
            }
        }
        if (text == null || text.isBlank()) {
            return DEFAULT_RESOLUTION;
        }
        try {
            Duration parsed = GoDuration.parse(text.strip());
            return parsed.isZero() ? DEFAULT_RESOLUTION : parsed;
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring {}={}: not a duration like 15s or 500ms", RESOLUTION_PROPERTY, text);
            return DEFAULT_RESOLUTION;
        }
    }

    /** Starts polling now and then every resolution; once. */
    public synchronized void start() {
        if (!started && !closed) {
            started = true;
            thread.scheduleWithFixedDelay(this::poll, 0, resolution.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Polls once on the calling thread (blocking), then tells the listeners; for tests and one-off reads. */
    public void pollNow() {
        poll();
    }

    public Duration resolution() {
        return resolution;
    }

    public String context() {
        return reader.context();
    }

    public MetricsStatus status() {
        return status;
    }

    /** The latest PodMetrics of every pod that has them. */
    public Map<PodName, PodUsage> latest() {
        return history.latest();
    }

    public Optional<PodUsage> latest(PodName pod) {
        return Optional.ofNullable(history.latest().get(pod));
    }

    /** Each container's samples within {@code window} of the newest sample; empty lists before the first. */
    public List<UsageSeries> history(PodName pod, Duration window) {
        return history.history(pod, window);
    }

    /** The time of the newest sample (the cluster's clock): the right edge of a graph's window. */
    public Instant newestSample() {
        return history.newest();
    }

    /**
     * Keeps the longest window (1 hour) of {@code pod} while the returned handle is open, e.g. while a view shows
     * it; other pods keep 5 minutes.
     */
    public AutoCloseable track(PodName pod) {
        history.track(pod);
        return new AutoCloseable() {
            private boolean open = true;

            @Override
            public synchronized void close() {
                if (open) {
                    open = false;
                    history.untrack(pod);
                }
            }
        };
    }

    /** Adds a listener; run the returned action to remove it. */
    public Runnable addListener(MetricsListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Ring sizes (short, long) and how many containers have each, for memory accounting. */
    public String memorySummary() {
        int[] counts = history.ringCounts();
        return counts[0] + " containers x " + history.shortCapacity() + " samples, " + counts[1] + " x "
                + history.longCapacity() + " samples (12 bytes each)";
    }

    /** Stops polling; listeners hear nothing more. Does not wait for a poll under way. */
    @Override
    public void close() {
        closed = true;
        listeners.clear();
        thread.shutdownNow();
    }

    public boolean isClosed() {
        return closed;
    }

    private void poll() {
        if (closed) {
            return;
        }
        MetricsStatus next;
        List<PodUsage> pods = List.of();
        try {
            pods = listPods();
            next = MetricsStatus.AVAILABLE;
        } catch (MetricsException e) {
            next = e.status();
        } catch (RuntimeException e) {
            next = MetricsStatus.failed("Pod metrics cannot be read: " + e.getMessage());
        }
        if (closed) {
            return;
        }
        MetricsPoll poll;
        synchronized (this) {
            history.record(pods);
            status = next;
            poll = new MetricsPoll(++polls, next, history.latest());
        }
        for (MetricsListener listener : listeners) {
            try {
                listener.polled(poll);
            } catch (RuntimeException e) {
                LOG.warn("A metrics listener failed: {}", e.toString());
            }
        }
    }

    /** All namespaces; when that is forbidden and the user sees only one namespace, that one from then on. */
    private List<PodUsage> listPods() {
        if (namespace != null) {
            return reader.pods(namespace);
        }
        try {
            return reader.pods(null);
        } catch (MetricsException e) {
            String scope = podScope == null ? null : podScope.get();
            if (e.status().availability() != MetricsAvailability.FORBIDDEN || scope == null) {
                throw e;
            }
            List<PodUsage> pods = reader.pods(scope);
            namespace = scope;
            return pods;
        }
    }
}
