package dev.podscope.app;

import dev.podscope.session.ClusterSession;
import dev.podscope.session.NamespaceListing;
import dev.podscope.session.PodListener;
import dev.podscope.ui.ContextSession;
import io.kubernetes.client.openapi.ApiClient;

import java.util.concurrent.CompletableFuture;

/**
 * The first context's session, opened before the window exists: its pods and namespaces are already on their way
 * when the main window asks for them (on a 10,000-pod cluster that hides most of the window's start-up).
 */
final class EarlySession implements ContextSession {
    private final ClusterSession session;
    private final ReplayingPodListener pods = new ReplayingPodListener();
    private final CompletableFuture<NamespaceListing> namespaces;

    EarlySession(ClusterSession session) {
        this.session = session;
        session.watchPods(pods);
        this.namespaces = session.namespaces();
    }

    @Override
    public String contextName() {
        return session.contextName();
    }

    @Override
    public ApiClient client() {
        return session.client();
    }

    @Override
    public String server() {
        return session.server();
    }

    @Override
    public CompletableFuture<NamespaceListing> namespaces() {
        return namespaces;
    }

    @Override
    public void watchPods(PodListener listener) {
        pods.attach(listener);
    }

    @Override
    public String podScope() {
        return session.podScope();
    }

    @Override
    public void close() {
        session.close();
    }
}
