package dev.podscope.ui;

import dev.podscope.session.ConnectionState;
import dev.podscope.session.NamespaceListing;
import dev.podscope.session.PodListener;
import io.kubernetes.client.openapi.models.V1Pod;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A session whose pods the test supplies, delivered through the real {@link PodListener} contract from a
 * background thread, as the cluster session does.
 */
final class FakeSession implements ContextSession {
    private final String server;
    private final List<V1Pod> pods;
    private final NamespaceListing listing;
    private final String podScope;
    private volatile PodListener listener;
    private volatile boolean closed;

    FakeSession(String server, List<V1Pod> pods, NamespaceListing listing, String podScope) {
        this.server = server;
        this.pods = pods;
        this.listing = listing;
        this.podScope = podScope;
    }

    @Override
    public String server() {
        return server;
    }

    @Override
    public CompletableFuture<NamespaceListing> namespaces() {
        return CompletableFuture.supplyAsync(() -> listing);
    }

    @Override
    public void watchPods(PodListener podListener) {
        this.listener = podListener;
        Thread.ofPlatform().daemon().start(() -> {
            podListener.state(ConnectionState.CONNECTING, null);
            podListener.reset(pods);
            podListener.state(ConnectionState.LIVE, null);
        });
    }

    @Override
    public String podScope() {
        return podScope;
    }

    void changed(PodListener.ChangeType type, V1Pod pod) {
        listener.changed(type, pod);
    }

    void state(ConnectionState state, String message) {
        listener.state(state, message);
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
