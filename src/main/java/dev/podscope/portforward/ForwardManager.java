package dev.podscope.portforward;

import io.kubernetes.client.openapi.ApiClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Every port-forward of the app, across contexts. Thread-safe; {@link #start} blocks while it resolves the target and
 * checks the first tunnel, so call it off the FX thread. Listeners hear every state or connection-count change, on
 * background threads; byte counters change without a notification (read {@link #list()} to refresh them).
 */
public final class ForwardManager implements AutoCloseable {
    public static final String DEFAULT_ADDRESS = "127.0.0.1";

    private final Map<Long, Forward> forwards = new ConcurrentHashMap<>();
    private final List<Consumer<ForwardStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Map<ApiClient, PodTunnels> tunnels = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ForwardTimings timings;

    public ForwardManager() {
        this(ForwardTimings.DEFAULT);
    }

    ForwardManager(ForwardTimings timings) {
        this.timings = timings;
    }

    /**
     * Starts a forward and returns once it is ACTIVE. {@code requestedLocalPort} 0 means the remote port's number
     * when it is free, else any free port; {@code bindAddress} null means 127.0.0.1. Throws PortForwardException
     * (with a one-line message: local port in use, target not found, pod not running, port not exposed, forbidden)
     * and then leaves nothing behind.
     */
    public Forward start(String context, ApiClient client, ForwardTarget target, int requestedLocalPort,
                         String bindAddress) throws IOException {
        PodTunnels podTunnels = tunnels.computeIfAbsent(client, PodTunnels::new);
        Forward forward = new Forward(ids.incrementAndGet(), context, client, podTunnels, target,
                bindAddress == null || bindAddress.isBlank() ? DEFAULT_ADDRESS : bindAddress, requestedLocalPort,
                timings, this::changed);
        forwards.put(forward.id(), forward);
        try {
            forward.start();
        } catch (IOException | RuntimeException e) {
            forwards.remove(forward.id());
            throw e;
        }
        return forward;
    }

    /** What starting one favourite gave: the forward, or the one-line reason it could not start. */
    public record FavouriteStart(ForwardFavourites.Favourite favourite, Forward forward, String error) {
    }

    /**
     * Starts a context's favourites one after the other (blocking), for the one-click restart at start-up; a
     * favourite that cannot start is reported, not thrown, so that the others still start.
     */
    public List<FavouriteStart> startAll(String context, ApiClient client, List<ForwardFavourites.Favourite> favourites) {
        List<FavouriteStart> started = new ArrayList<>();
        for (ForwardFavourites.Favourite f : favourites) {
            try {
                started.add(new FavouriteStart(f, start(context, client, f.target(), f.localPort(), f.bindAddress()), null));
            } catch (IOException | RuntimeException e) {
                started.add(new FavouriteStart(f, null, e.getMessage()));
            }
        }
        return started;
    }

    /** Stops the forward (closing its listener and connections) and drops it from the list. */
    public void stop(long id) {
        Forward forward = forwards.remove(id);
        if (forward != null) {
            forward.stop();
        }
    }

    /**
     * Restarts a forward with the same settings (after a failure, or to move to a new pod); the new one keeps the
     * local port when it can. Returns the new forward, which replaces the old one in the list.
     */
    public Forward restart(long id) throws IOException {
        Forward old = forwards.remove(id);
        if (old == null) {
            throw new PortForwardException("There is no port-forward " + id);
        }
        ForwardStatus status = old.status();
        old.stop();
        int port = status.localPort() != 0 ? status.localPort() : old.requestedLocalPort();
        return start(status.context(), old.client(), status.target(), port, status.bindAddress());
    }

    public Optional<Forward> get(long id) {
        return Optional.ofNullable(forwards.get(id));
    }

    /** Snapshots of all forwards, oldest first. */
    public List<ForwardStatus> list() {
        List<ForwardStatus> all = new ArrayList<>();
        for (Forward forward : forwards.values()) {
            all.add(forward.status());
        }
        all.sort(Comparator.comparingLong(ForwardStatus::id));
        return all;
    }

    public void addListener(Consumer<ForwardStatus> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ForwardStatus> listener) {
        listeners.remove(listener);
    }

    /** Stops every forward. */
    public void closeAll() {
        for (Long id : List.copyOf(forwards.keySet())) {
            stop(id);
        }
    }

    @Override
    public void close() {
        closeAll();
    }

    private void changed(ForwardStatus status) {
        for (Consumer<ForwardStatus> listener : listeners) {
            try {
                listener.accept(status);
            } catch (RuntimeException e) {
                // a broken listener must not stop the forward or the other listeners
                System.getLogger(ForwardManager.class.getName()).log(System.Logger.Level.WARNING,
                        "port-forward listener failed", e);
            }
        }
    }
}
