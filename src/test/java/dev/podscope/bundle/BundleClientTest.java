package dev.podscope.bundle;

import dev.podscope.logs.LogLine;
import dev.podscope.logs.LogRequest;
import dev.podscope.logs.LogStream;
import dev.podscope.sandbox.PodStateFixtures;
import dev.podscope.sandbox.SandboxFixtures;
import dev.podscope.sandbox.replay.ReplayServer;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app's own readers (client-java, LogStream) against a served bundle, as the window uses them. */
class BundleClientTest {
    @TempDir
    Path dir;
    private ReplayServer replay;
    private ApiClient client;
    private BundleFiles files;

    @BeforeEach
    void serve() throws Exception {
        ClusterStore store = SandboxFixtures.emptyCluster(100);
        V1Pod checkout = store.create(Resources.PODS,
                PodStateFixtures.crashLooping("shop", "checkout-7d9c5", "node-1", 3)).object();
        store.create(Resources.EVENTS, SandboxFixtures.podEvent(checkout, "checkout-7d9c5.1", "BackOff",
                "Back-off restarting failed container checkout"));
        Path zip = dir.resolve("b.zip");
        BundleExports.export(store, "prod-eu", BundleScope.namespaces(List.of("shop")), zip);
        files = BundleFiles.read(zip);
        replay = ReplayServer.start(BundleReader.open(zip), 0);
        client = Config.fromConfig(new StringReader(replay.kubeconfigYaml()));
    }

    @AfterEach
    void stop() {
        replay.close();
    }

    @Test
    void previousLogReadsWithTheCapturedTimes() throws Exception {
        List<LogLine> lines = LogStream.readAll(client,
                LogRequest.of("shop", "checkout-7d9c5", "checkout").withPrevious(true).withTimestamps(true), 0);
        List<String> file = files.text("logs/shop/checkout-7d9c5/checkout.previous.log").lines().toList();
        assertThat(lines).hasSameSizeAs(file).isNotEmpty();
        for (int i = 0; i < file.size(); i++) {
            String stamp = file.get(i).substring(0, file.get(i).indexOf(' '));
            assertThat(lines.get(i).time()).isEqualTo(Instant.parse(stamp));
            assertThat(lines.get(i).text()).isEqualTo(file.get(i).substring(stamp.length() + 1));
        }
    }

    @Test
    void aLogTheBundleDoesNotHaveSaysSo() throws Exception {
        Path zip = files.neverCaptured("logs/shop/checkout-7d9c5/checkout.log").write(dir.resolve("partial.zip"));
        try (ReplayServer partial = ReplayServer.start(BundleReader.open(zip), 0)) {
            ApiClient partialClient = Config.fromConfig(new StringReader(partial.kubeconfigYaml()));
            assertThatThrownBy(() -> LogStream.readAll(partialClient,
                    LogRequest.of("shop", "checkout-7d9c5", "checkout"), 0))
                    .hasMessageContaining("the log of container \"checkout\" in pod \"checkout-7d9c5\" was not"
                            + " captured in this bundle");
        }
    }

    @Test
    void eventsAndPodsAreTheCapturedObjects() throws ApiException {
        CoreV1Api api = new CoreV1Api(client);
        V1Pod pod = api.readNamespacedPod("checkout-7d9c5", "shop").execute();
        assertThat(pod.getStatus().getContainerStatuses().getFirst().getRestartCount()).isEqualTo(3);
        assertThat(api.listNamespacedEvent("shop").fieldSelector("involvedObject.uid=" + pod.getMetadata().getUid())
                .execute().getItems()).extracting(e -> e.getReason()).containsExactly("BackOff");
        assertThatThrownBy(() -> api.deleteNamespacedPod("checkout-7d9c5", "shop").execute())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(405);
                    assertThat(com.google.gson.JsonParser.parseString(e.getResponseBody()).getAsJsonObject()
                            .get("message").getAsString()).isEqualTo(ReplayServer.readOnlyMessage(replay.manifest()));
                });
    }
}
