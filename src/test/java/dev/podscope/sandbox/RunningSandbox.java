package dev.podscope.sandbox;

import dev.podscope.sandbox.store.ClusterStore;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A sandbox server on a random port for one test, with a kubeconfig on disk and a client for its admin token. */
public final class RunningSandbox implements AutoCloseable {
    public static final String TOKEN = "sandbox-test-token";
    private static final SandboxTls TLS = SandboxTls.generate();

    private final SandboxServer server;
    private final Path kubeconfig;

    public RunningSandbox(ClusterStore store, Path directory) throws IOException {
        this.server = SandboxServer.start(store, TLS, TOKEN, 0);
        this.kubeconfig = SandboxKubeconfig.write(directory.resolve("kubeconfig"), server, null, "shop");
    }

    public SandboxServer server() {
        return server;
    }

    public ClusterStore store() {
        return server.store();
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** A client from the kubeconfig, with no read timeout so that watches can wait. */
    public ApiClient client() throws IOException {
        ApiClient client = Config.fromConfig(new StringReader(SandboxKubeconfig.yaml(server, null, "shop")));
        client.setHttpClient(client.getHttpClient().newBuilder().readTimeout(0, TimeUnit.SECONDS).build());
        return client;
    }

    /** A client that presents {@code token} instead of the admin token. */
    public ApiClient client(String token) throws IOException {
        ApiClient client = client();
        client.setApiKeyPrefix("Bearer");
        client.setApiKey(token);
        return client;
    }

    @Override
    public void close() {
        server.stop();
    }
}
