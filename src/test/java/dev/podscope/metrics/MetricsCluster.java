package dev.podscope.metrics;

import dev.podscope.sandbox.PodStateFixtures;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.session.TestCluster;
import dev.podscope.testing.MutableClock;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NamespaceStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.Config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A sandbox API server whose clock the test moves, so that each step of 15 s is a new metrics window: two running
 * pods with two containers each in {@code shop}, a crash-looping one (no metrics) and a running one in {@code data}.
 */
final class MetricsCluster implements AutoCloseable {
    static final Duration WINDOW = Duration.ofSeconds(15);

    private final MutableClock clock;
    private final TestCluster cluster;
    private final Path dir;

    MetricsCluster(Path dir) {
        this.dir = dir;
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // mid-window, so that a step of 15 s always lands in the next window
        this.clock = new MutableClock(start.minusSeconds(start.getEpochSecond() % 15).plusSeconds(7));
        ClusterStore store = new ClusterStore(clock, 1_000, 3);
        for (String namespace : List.of("default", "shop", "data")) {
            store.create(Resources.NAMESPACES, new V1Namespace().metadata(new V1ObjectMeta().name(namespace))
                    .status(new V1NamespaceStatus().phase("Active")));
        }
        store.create(Resources.PODS, PodStateFixtures.twoContainers("shop", "api-0", "node-1"));
        store.create(Resources.PODS, PodStateFixtures.twoContainers("shop", "api-1", "node-1"));
        store.create(Resources.PODS, PodStateFixtures.crashLooping("shop", "checkout-0", "node-1", 3));
        store.create(Resources.PODS, PodStateFixtures.twoContainers("data", "db-0", "node-2"));
        this.cluster = TestCluster.start(store);
    }

    TestCluster cluster() {
        return cluster;
    }

    MutableClock clock() {
        return clock;
    }

    /** Moves the cluster into its next metrics window. */
    void nextWindow() {
        clock.advance(WINDOW);
    }

    ApiClient client() throws IOException {
        return client(TestCluster.ADMIN_TOKEN);
    }

    ApiClient client(String token) throws IOException {
        Path file = cluster.kubeconfig(dir.resolve(token + ".yaml"), "test", "shop", token);
        return Config.fromConfig(file.toString());
    }

    MetricsReader reader() throws IOException {
        return new MetricsReader(client(), "test");
    }

    @Override
    public void close() {
        cluster.close();
    }
}
