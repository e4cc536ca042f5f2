package dev.podscope.ui;

import dev.podscope.session.ClusterSession;
import dev.podscope.session.NamespaceListing;
import dev.podscope.session.PodListener;
import io.kubernetes.client.openapi.ApiClient;

import java.util.concurrent.CompletableFuture;

/** What the main window needs from an open context; {@link ClusterSession} in production. */
public interface ContextSession extends AutoCloseable {

    /** The kubeconfig context this session is for. */
    String contextName();

    /** The API server URL, for the status bar. */
    String server();

    /** The client for everything beyond the pod watch: pod details, events, logs, metrics, port-forwards. */
    ApiClient client();

    CompletableFuture<NamespaceListing> namespaces();

    /** Starts delivering the context's pods to {@code listener} from a background thread. */
    void watchPods(PodListener listener);

    /** The one namespace the pod watch is limited to (cluster-wide listing forbidden), or null for all. */
    String podScope();

    /** Stops the watch and releases connections; may block briefly, so call it off the UI thread. */
    @Override
    void close();

    static ContextSession of(ClusterSession session) {
        return new ContextSession() {
            @Override
            public String contextName() {
                return session.contextName();
            }

            @Override
            public String server() {
                return session.server();
            }

            @Override
            public ApiClient client() {
                return session.client();
            }

            @Override
            public CompletableFuture<NamespaceListing> namespaces() {
                return session.namespaces();
            }

            @Override
            public void watchPods(PodListener listener) {
                session.watchPods(listener);
            }

            @Override
            public String podScope() {
                return session.podScope();
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }
}
