package dev.podscope.session;

import dev.podscope.testing.Eventually;
import dev.podscope.kube.ClientFactory;
import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;
import dev.podscope.sandbox.SandboxFixtures;
import dev.podscope.sandbox.SandboxTls;
import dev.podscope.sandbox.api.AccessPolicy;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.session.PodListener.ChangeType;
import dev.podscope.session.RecordingListener.Change;
import dev.podscope.session.RecordingListener.Reset;
import dev.podscope.session.RecordingListener.State;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ClusterSession against the sandbox API server over HTTPS: list-then-watch, outages, refusals and closing. */
class ClusterSessionTest {
    private static final String CONTEXT = "itest";

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
    }

    @Test
    void firstListDeliversTheWholeClusterThenLive() throws IOException {
        TestCluster cluster = cluster(1000);
        RecordingListener pods = new RecordingListener();
        ClusterSession session = session(cluster, TestCluster.ADMIN_TOKEN);

        session.watchPods(pods);

        pods.awaitState(0, ConnectionState.LIVE);
        assertThat(pods.events()).containsExactly(
                new State(ConnectionState.CONNECTING, null),
                new Reset(List.of("default/cache-0", "shop/cart-0", "shop/web-0")),
                new State(ConnectionState.LIVE, null));
        assertThat(session.podScope()).isNull();
        assertThat(session.contextName()).isEqualTo(CONTEXT);
        assertThat(session.contextNamespace()).isEqualTo("shop");
        assertThat(session.server()).isEqualTo(cluster.url());
    }

    @Test
    void createdModifiedAndDeletedPodsArriveAsWatchEvents() throws IOException {
        TestCluster cluster = cluster(1000);
        RecordingListener pods = live(session(cluster, TestCluster.ADMIN_TOKEN));
        int mark = pods.mark();

        ClusterStore store = cluster.store();
        store.create(Resources.PODS, SandboxFixtures.runningPod("shop", "web-1", "node-2", Map.of("app", "web")));
        store.modify(Resources.PODS, "shop", "web-1", pod -> {
            pod.getMetadata().putLabelsItem("release", "canary");
            return pod;
        });
        store.delete(Resources.PODS, "shop", "web-1");

        pods.awaitChange(mark, ChangeType.DELETED, "shop/web-1");
        assertThat(pods.since(mark)).extracting(e -> ((Change) e).type()).containsExactly(
                ChangeType.ADDED, ChangeType.MODIFIED, ChangeType.DELETED);
        Change modified = (Change) pods.since(mark).get(1);
        assertThat(modified.object().getMetadata().getLabels()).containsEntry("release", "canary");
        assertThat(modified.object().getMetadata().getManagedFields()).isNull();
    }

    @Test
    void resumesTheWatchAfterTheServerComesBack() throws IOException {
        TestCluster cluster = cluster(1000);
        RecordingListener pods = live(session(cluster, TestCluster.ADMIN_TOKEN));
        int mark = pods.mark();

        cluster.stop();
        State stale = pods.awaitState(mark, ConnectionState.RECONNECTING);
        assertThat(stale.message()).contains(cluster.url()).contains(CONTEXT);
        cluster.store().create(Resources.PODS, SandboxFixtures.runningPod("shop", "late-0", "node-1", Map.of()));
        cluster.store().delete(Resources.PODS, "shop", "cart-0");
        cluster.restart();

        pods.awaitChange(mark, ChangeType.DELETED, "shop/cart-0");
        List<RecordingListener.Event> after = pods.since(mark);
        assertThat(after).filteredOn(Change.class::isInstance).extracting(e -> ((Change) e).pod())
                .containsExactly("shop/late-0", "shop/cart-0");
        assertThat(after).as("resuming from the last version needs no relist").noneMatch(Reset.class::isInstance);
        int reconnecting = after.indexOf(stale);
        assertThat(after.subList(reconnecting, after.size()))
                .contains(new State(ConnectionState.LIVE, null));
    }

    @Test
    void relistsWhenTheLastVersionWasCompactedAway() throws IOException {
        TestCluster cluster = cluster(8);
        RecordingListener pods = live(session(cluster, TestCluster.ADMIN_TOKEN));
        int mark = pods.mark();

        cluster.stop();
        pods.awaitState(mark, ConnectionState.RECONNECTING);
        ClusterStore store = cluster.store();
        for (int i = 0; i < 12; i++) {
            store.create(Resources.PODS, SandboxFixtures.runningPod("default", "batch-" + i, "node-1", Map.of()));
        }
        store.delete(Resources.PODS, "shop", "web-0");
        cluster.restart();

        Reset relisted = pods.await(mark, Reset.class, r -> true);
        pods.await(pods.events().indexOf(relisted), State.class, s -> s.state() == ConnectionState.LIVE);
        List<String> expected = new ArrayList<>(List.of("default/cache-0", "shop/cart-0"));
        for (int i = 0; i < 12; i++) {
            expected.add("default/batch-" + i);
        }
        assertThat(relisted.pods()).containsExactlyInAnyOrderElementsOf(expected);
        List<RecordingListener.Event> after = pods.since(mark);
        assertThat(after).as("compacted changes cannot be replayed").noneMatch(Change.class::isInstance);
        assertThat(after.subList(after.size() - 3, after.size())).as("stale until the relist is in").containsExactly(
                new State(ConnectionState.RECONNECTING, "The cluster no longer has the changes since the last version"
                        + " seen (410 Gone); listing all pods again"),
                relisted,
                new State(ConnectionState.LIVE, null));
    }

    @Test
    void keepsRetryingUntilTheServerFirstAnswers() throws IOException {
        TestCluster cluster = cluster(1000);
        cluster.stop();
        RecordingListener pods = new RecordingListener();
        session(cluster, TestCluster.ADMIN_TOKEN).watchPods(pods);

        State refused = pods.awaitState(0, ConnectionState.RECONNECTING);
        assertThat(refused.message()).isEqualTo("Cannot connect to " + cluster.url() + " (context \"" + CONTEXT
                + "\"): connection refused");
        cluster.restart();

        pods.awaitState(0, ConnectionState.LIVE);
        assertThat(pods.events()).filteredOn(Reset.class::isInstance).hasSize(1);
    }

    @Test
    void watchesOnlyTheContextNamespaceWhenClusterWideListingIsForbidden() throws IOException {
        TestCluster cluster = cluster(1000);
        cluster.addToken("shop-only", AccessPolicy.allowAll("jane").onlyNamespace("shop"));
        RecordingListener pods = new RecordingListener();
        ClusterSession session = session(cluster, "shop-only");

        session.watchPods(pods);

        pods.awaitState(0, ConnectionState.LIVE);
        assertThat(pods.events()).containsExactly(
                new State(ConnectionState.CONNECTING, null),
                new State(ConnectionState.CONNECTING,
                        "Listing pods in all namespaces is forbidden; showing namespace \"shop\" only"),
                new Reset(List.of("shop/cart-0", "shop/web-0")),
                new State(ConnectionState.LIVE, null));
        assertThat(session.podScope()).isEqualTo("shop");

        int mark = pods.mark();
        cluster.store().create(Resources.PODS, SandboxFixtures.runningPod("default", "elsewhere", "node-1", Map.of()));
        cluster.store().create(Resources.PODS, SandboxFixtures.runningPod("shop", "here", "node-1", Map.of()));
        pods.awaitChange(mark, ChangeType.ADDED, "shop/here");
        assertThat(pods.since(mark)).extracting(e -> ((Change) e).pod()).containsExactly("shop/here");
    }

    @Test
    void namespacesAreListedByName() throws IOException {
        ClusterSession session = session(cluster(1000), TestCluster.ADMIN_TOKEN);

        NamespaceListing listing = session.namespaces().join();

        assertThat(listing.names()).containsExactly("default", "kube-system", "shop");
        assertThat(listing.restricted()).isFalse();
        assertThat(listing.problem()).isNull();
    }

    @Test
    void forbiddenNamespaceListingFallsBackToTheContextNamespace() throws IOException {
        TestCluster cluster = cluster(1000);
        cluster.addToken("shop-only", AccessPolicy.allowAll("jane").onlyNamespace("shop"));

        NamespaceListing listing = session(cluster, "shop-only").namespaces().join();

        assertThat(listing.names()).containsExactly("shop");
        assertThat(listing.restricted()).isTrue();
        assertThat(listing.problem()).isEqualTo(
                "Listing namespaces is forbidden for this user; showing the context's namespace \"shop\"");
    }

    @Test
    void rejectedCredentialsFailWithoutRetrying() throws IOException {
        TestCluster cluster = cluster(1000);
        RecordingListener pods = new RecordingListener();
        ClusterSession session = session(cluster, "not-a-valid-token");

        session.watchPods(pods);

        State failed = pods.awaitState(0, ConnectionState.FAILED);
        assertThat(failed.message()).isEqualTo("Unauthorized (401): " + cluster.url()
                + " rejected the credentials of context \"" + CONTEXT + "\"; refresh them (e.g. log in again) and retry");
        assertThat(pods.events()).containsExactly(new State(ConnectionState.CONNECTING, null), failed);
        assertThatThrownBy(() -> session.namespaces().join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(ClusterException.class)
                .hasMessage(failed.message());
    }

    @Test
    void anUntrustedCertificateFailsWithoutRetrying() throws IOException {
        TestCluster cluster = cluster(1000);
        Path kubeconfig = TestCluster.writeKubeconfig(dir.resolve("wrong-ca"), cluster.url(),
                SandboxTls.generate().caPem(), TestCluster.ADMIN_TOKEN, CONTEXT, "shop");
        RecordingListener pods = new RecordingListener();

        session(kubeconfig).watchPods(pods);

        State failed = pods.awaitState(0, ConnectionState.FAILED);
        assertThat(failed.message()).isEqualTo("TLS verification failed for " + cluster.url() + " (context \"" + CONTEXT
                + "\"): certificate signed by unknown authority; check certificate-authority in the kubeconfig");
    }

    @Test
    void closingStopsTheWatchForGood() throws IOException {
        TestCluster cluster = cluster(1000);
        ClusterSession closing = session(cluster.kubeconfig(dir.resolve("kubeconfig"), CONTEXT, "shop",
                TestCluster.ADMIN_TOKEN), "closing");
        RecordingListener closed = live(closing);
        RecordingListener control = live(session(cluster, TestCluster.ADMIN_TOKEN));
        int controlMark = control.mark();

        closing.close();
        assertThat(closed.events().getLast()).isEqualTo(new State(ConnectionState.STOPPED, null));
        int closedMark = closed.mark();
        cluster.store().create(Resources.PODS, SandboxFixtures.runningPod("shop", "after-close", "node-1", Map.of()));

        control.awaitChange(controlMark, ChangeType.ADDED, "shop/after-close");
        assertThat(closed.since(closedMark)).isEmpty();
        Eventually.until("the closed session's watch thread to end", () -> Thread.getAllStackTraces().keySet()
                .stream().noneMatch(t -> t.getName().startsWith("podscope-closing-")));
    }

    @Test
    void closingWhileTheListenerAsksTheSessionSomethingDoesNotDeadlock() throws Exception {
        TestCluster cluster = cluster(1000);
        ClusterSession session = session(cluster, TestCluster.ADMIN_TOKEN);
        open.remove(session); // closed below; a deadlocked session must not also hang the clean-up
        CountDownLatch inDelivery = new CountDownLatch(1);
        CountDownLatch closeStarted = new CountDownLatch(1);
        List<String> scopes = new CopyOnWriteArrayList<>();
        RecordingListener pods = new RecordingListener() {
            @Override
            public void changed(ChangeType type, V1Pod pod) {
                inDelivery.countDown();
                awaitQuietly(closeStarted);
                scopes.add(String.valueOf(session.podScope()));
                super.changed(type, pod);
            }
        };
        session.watchPods(pods);
        pods.awaitState(0, ConnectionState.LIVE);

        cluster.store().create(Resources.PODS, SandboxFixtures.runningPod("shop", "during-close", "node-1", Map.of()));
        inDelivery.await();
        Thread closer = Thread.ofPlatform().daemon().start(session::close);
        Eventually.until("close() to wait for the delivery in progress", () -> closer.getState() != Thread.State.RUNNABLE);
        closeStarted.countDown();

        Eventually.until("close() to return", () -> !closer.isAlive());
        assertThat(scopes).containsExactly("null");
        assertThat(pods.events().getLast()).isEqualTo(new State(ConnectionState.STOPPED, null));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TestCluster cluster(int historyLimit) {
        ClusterStore store = SandboxFixtures.emptyCluster(historyLimit);
        store.create(Resources.PODS, SandboxFixtures.runningPod("shop", "web-0", "node-1", Map.of("app", "web")));
        store.create(Resources.PODS, SandboxFixtures.runningPod("shop", "cart-0", "node-2", Map.of("app", "cart")));
        store.create(Resources.PODS, SandboxFixtures.runningPod("default", "cache-0", "node-1", Map.of("app", "cache")));
        TestCluster cluster = TestCluster.start(store);
        open.add(cluster);
        return cluster;
    }

    private ClusterSession session(TestCluster cluster, String token) throws IOException {
        return session(cluster.kubeconfig(dir.resolve("kubeconfig-" + token), CONTEXT, "shop", token));
    }

    private ClusterSession session(Path kubeconfig) {
        return session(kubeconfig, CONTEXT);
    }

    /** {@code label} names the session's threads and stands for the context in its messages. */
    private ClusterSession session(Path kubeconfig, String label) {
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.resolve(kubeconfig.toString(), Map.of(), dir));
        ClusterSession session = new ClusterSession(ClientFactory.create(set, CONTEXT), label,
                set.context(CONTEXT).orElseThrow().namespace());
        open.add(session);
        return session;
    }

    private static RecordingListener live(ClusterSession session) {
        RecordingListener pods = new RecordingListener();
        session.watchPods(pods);
        pods.awaitState(0, ConnectionState.LIVE);
        return pods;
    }
}
