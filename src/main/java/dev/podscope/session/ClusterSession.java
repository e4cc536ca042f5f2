package dev.podscope.session;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Everything Podscope holds open for one kubeconfig context: its client, its pod watch and its background threads.
 * Closing it stops them all; switching context means closing one session and opening another.
 */
public final class ClusterSession implements AutoCloseable {
    private final ApiClient client;
    private final String contextName;
    private final String contextNamespace;
    private final ExecutorService executor;
    private volatile PodWatcher podWatcher;

    public ClusterSession(ApiClient client, String contextName, String contextNamespace) {
        this.client = client;
        this.contextName = contextName;
        this.contextNamespace = contextNamespace == null || contextNamespace.isBlank() ? "default" : contextNamespace;
        this.executor = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().daemon().name("podscope-" + contextName + "-", 0).factory());
    }

    public String contextName() {
        return contextName;
    }

    /** The namespace the kubeconfig context names, "default" when it names none. */
    public String contextNamespace() {
        return contextNamespace;
    }

    public String server() {
        return client.getBasePath();
    }

    public ApiClient client() {
        return client;
    }

    /** Namespaces the user may pick; only the context namespace, with the reason, when listing is forbidden. */
    public CompletableFuture<NamespaceListing> namespaces() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                List<String> names = new CoreV1Api(client).listNamespace().execute().getItems().stream()
                        .map(V1Namespace::getMetadata).map(m -> m.getName()).sorted().toList();
                return new NamespaceListing(names, null);
            } catch (Exception e) {
                if (ClusterErrors.httpCode(e) == 403) {
                    return new NamespaceListing(List.of(contextNamespace), "Listing namespaces is forbidden for"
                            + " this user; showing the context's namespace \"" + contextNamespace + "\"");
                }
                throw new ClusterException(ClusterErrors.describe(e, contextName, server()), e);
            }
        }, executor);
    }

    /** Starts the pod watch: all namespaces when permitted, else the context namespace. One listener per session. */
    public synchronized void watchPods(PodListener listener) {
        if (podWatcher != null) {
            throw new IllegalStateException("pods are already being watched in this session");
        }
        podWatcher = new PodWatcher(client, contextName, contextNamespace, listener);
        executor.execute(podWatcher);
    }

    /** The namespace the pod watch is limited to, or null while it covers all namespaces. */
    public String podScope() {
        PodWatcher watcher = podWatcher;
        return watcher == null ? null : watcher.namespace();
    }

    /**
     * Stops the watch; the listener's last call is STOPPED. Not synchronized: stopping waits for a delivery in
     * progress, and that listener call may itself ask this session something.
     */
    @Override
    public void close() {
        PodWatcher watcher = podWatcher;
        if (watcher != null) {
            watcher.stop();
        }
        executor.shutdownNow();
        client.getHttpClient().dispatcher().executorService().shutdown();
        client.getHttpClient().connectionPool().evictAll();
    }
}
