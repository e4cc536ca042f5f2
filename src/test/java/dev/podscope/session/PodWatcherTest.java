package dev.podscope.session;

import dev.podscope.kube.ClientFactory;
import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSource;
import dev.podscope.sandbox.SandboxFixtures;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.session.PodListener.ChangeType;
import dev.podscope.session.RecordingListener.Change;
import dev.podscope.session.RecordingListener.Reset;
import dev.podscope.session.RecordingListener.State;
import io.kubernetes.client.openapi.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What PodWatcher does when the server ends a watch on schedule (timeoutSeconds), as API servers do every few minutes. */
class PodWatcherTest {
    @TempDir
    Path dir;

    @Test
    void watchesEndedByTheServerAreResumedWithoutARelist() throws Exception {
        try (TestCluster cluster = TestCluster.start(SandboxFixtures.emptyCluster(1000))) {
            Path kubeconfig = cluster.kubeconfig(dir.resolve("kubeconfig"), "itest", "shop", TestCluster.ADMIN_TOKEN);
            ApiClient client = ClientFactory.create(
                    KubeconfigLoader.load(KubeconfigSource.resolve(kubeconfig.toString(), Map.of(), dir)), "itest");
            RecordingListener pods = new RecordingListener();
            PodWatcher watcher = new PodWatcher(client, "itest", "shop", pods, Duration.ofSeconds(1));
            Thread thread = Thread.ofVirtual().start(watcher);
            pods.awaitState(0, ConnectionState.LIVE);

            // each watch asks the server to end it after 1-2 s; creating pods for longer spans several watches
            long end = System.nanoTime() + Duration.ofMillis(3500).toNanos();
            int created = 0;
            while (System.nanoTime() < end) {
                cluster.store().create(Resources.PODS,
                        SandboxFixtures.runningPod("shop", "pod-" + created, "node-1", Map.of()));
                pods.awaitChange(0, ChangeType.ADDED, "shop/pod-" + created);
                created++;
                Thread.sleep(150);
            }
            watcher.stop();
            thread.join();

            List<RecordingListener.Event> events = pods.events();
            assertThat(events).filteredOn(Change.class::isInstance).hasSize(created);
            assertThat(events).filteredOn(Reset.class::isInstance).containsExactly(new Reset(List.of()));
            assertThat(events).filteredOn(State.class::isInstance).containsExactly(
                    new State(ConnectionState.CONNECTING, null),
                    new State(ConnectionState.LIVE, null),
                    new State(ConnectionState.STOPPED, null));
        }
    }
}
