package dev.podscope.sandbox;

import dev.podscope.testing.Eventually;
import com.fasterxml.jackson.databind.JsonNode;
import dev.podscope.sandbox.sim.ClusterSimulator;
import dev.podscope.sandbox.sim.PodRef;
import dev.podscope.sandbox.sim.Scenario;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The log subresource read by client-java and by plain requests, and the logs of the simulated cluster. */
class SandboxLogsClientTest {
    @TempDir
    Path tempDir;

    @Test
    void theJavaClientReadsAContainerLog() throws Exception {
        ClusterStore store = SandboxFixtures.emptyCluster(1000);
        store.create(Resources.PODS, PodStateFixtures.twoContainers("shop", "api-5f6b8", "node-2"));
        try (RunningSandbox sandbox = new RunningSandbox(store, tempDir)) {
            CoreV1Api api = new CoreV1Api(sandbox.client());
            String log = api.readNamespacedPodLog("api-5f6b8", "shop").container("app").tailLines(3).timestamps(true)
                    .execute();
            assertThat(log.lines().toList()).hasSize(3)
                    .allMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z \\{\"time\":.*"));

            ApiException refused = catchThrowableOfType(ApiException.class,
                    () -> api.readNamespacedPodLog("api-5f6b8", "shop").execute());
            assertThat(refused.getCode()).isEqualTo(400);
            JsonNode status = RawHttp.json(refused.getResponseBody());
            assertThat(status.get("reason").asText()).isEqualTo("BadRequest");
            assertThat(status.get("message").asText()).isEqualTo(
                    "a container name must be specified for pod api-5f6b8, choose one of: [setup app metrics-agent]");
        }
    }

    @Test
    void plainRequestsGetStatusReplies() throws Exception {
        ClusterStore store = SandboxFixtures.emptyCluster(1000);
        store.create(Resources.PODS, SandboxFixtures.runningPod("shop", "web-0", "node-1", Map.of()));
        try (RunningSandbox sandbox = new RunningSandbox(store, tempDir)) {
            RawHttp http = new RawHttp(sandbox.server());
            HttpResponse<String> invalid = http.get("/api/v1/namespaces/shop/pods/web-0/log?tailLines=-2", null);
            assertThat(invalid.statusCode()).isEqualTo(422);
            assertThat(RawHttp.json(invalid.body()).get("message").asText()).isEqualTo("PodLogOptions \"web-0\" is"
                    + " invalid: tailLines: Invalid value: -2: must be greater than or equal to 0");

            HttpResponse<String> missing = http.get("/api/v1/namespaces/shop/pods/nope/log", null);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(RawHttp.json(missing.body()).get("message").asText()).isEqualTo("pods \"nope\" not found");

            HttpResponse<String> text = http.get("/api/v1/namespaces/shop/pods/web-0/log?tailLines=2", "*/*");
            assertThat(text.statusCode()).isEqualTo(200);
            assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain");
            assertThat(text.body().lines()).hasSize(2);

            HttpResponse<String> write = http.send("POST", "/api/v1/namespaces/shop/pods/web-0/log", null,
                    "application/json", "{}");
            assertThat(write.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void theSimulatedCrashLoopLeavesAStackTraceInItsPreviousLog() throws Exception {
        ClusterStore store = new ClusterStore(Clock.systemUTC(), 50_000, 7);
        ClusterSimulator simulator = ClusterSimulator.start(store, new SimulatorOptions().withTimeScale(0.02));
        try (RunningSandbox sandbox = new RunningSandbox(store, tempDir)) {
            PodRef checkout = simulator.scenarioPod(Scenario.CRASH_LOOP);
            Eventually.until("a crash of " + checkout, () -> store.get(Resources.PODS, checkout.namespace(), checkout.name())
                    .map(s -> s.object().getStatus().getContainerStatuses())
                    .filter(statuses -> statuses != null && !statuses.isEmpty() && hasCrashed(statuses.getFirst()))
                    .isPresent());
            Kubectl kubectl = new Kubectl(sandbox.kubeconfig(), tempDir.resolve("home"));
            Kubectl.Result result = kubectl.run("logs", checkout.name(), "--previous");
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.lines().getFirst()).contains("\"msg\":\"starting checkout\"");
            assertThat(result.out()).contains("Exception in thread \"main\" java.");
        } finally {
            simulator.stop();
        }
    }

    private static boolean hasCrashed(V1ContainerStatus status) {
        return status.getLastState() != null && status.getLastState().getTerminated() != null;
    }
}
