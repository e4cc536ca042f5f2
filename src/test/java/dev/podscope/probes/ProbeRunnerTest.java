package dev.podscope.probes;

import dev.podscope.portforward.SandboxPods;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1ExecAction;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1HTTPHeader;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Probe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Probes run from the workstation through the sandbox's port-forward and exec, judged as the kubelet judges them. */
class ProbeRunnerTest {
    private static Sandbox sandbox;
    private static ApiClient client;
    private final ProbeRunner runner = new ProbeRunner();

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxPods.start();
        client = SandboxPods.client(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aHealthyHttpReadinessProbeSucceedsWithTheStatusAndBody() throws Exception {
        V1Pod cart = SandboxPods.ready(sandbox, "shop", "cart");
        ProbeResult result = runner.run(client, cart, null, ProbeKind.READINESS);
        assertThat(result.success()).isTrue();
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.message()).isEqualTo("HTTP probe succeeded with statuscode: 200");
        assertThat(result.action()).isEqualTo("httpGet http://" + cart.getStatus().getPodIP() + ":8080/readyz");
        assertThat(result.output()).isNotEmpty();
        ProbeComparison comparison = ProbeComparison.of(client, cart, "cart", ProbeKind.READINESS, result);
        assertThat(comparison.podReady()).startsWith("True");
        assertThat(comparison.agrees()).isTrue();
    }

    @Test
    void theRunningPodThatServes500sFailsItsReadinessProbeAsTheKubeletSaid() throws Exception {
        V1Pod pod = pod("shop", "recommendations-");
        ProbeResult result = runner.run(client, pod, null, ProbeKind.READINESS);
        assertThat(result.success()).isFalse();
        assertThat(result.httpStatus()).isEqualTo(500);
        assertThat(result.message()).isEqualTo("HTTP probe failed with statuscode: 500");
        assertThat(result.output()).contains("\"status\":\"unavailable\"");
        ProbeComparison comparison = ProbeComparison.of(client, pod, null, ProbeKind.READINESS, result);
        assertThat(comparison.podReady()).startsWith("False");
        assertThat(comparison.containerReady()).isFalse();
        assertThat(comparison.lastUnhealthy()).isEqualTo("Readiness probe failed: HTTP probe failed with statuscode: 500");
        assertThat(comparison.unhealthyCount()).isPositive();
        assertThat(comparison.agrees()).isTrue();
        assertThat(comparison.summary()).contains("agrees with this run");
        // its liveness probe passes: Running but not serving
        assertThat(runner.run(client, pod, null, ProbeKind.LIVENESS).success()).isTrue();
    }

    @Test
    void aTcpSocketProbeConnectsThroughAForward() throws Exception {
        V1Pod echo = SandboxPods.ready(sandbox, "default", "echo");
        ProbeResult result = runner.run(client, echo, null, ProbeKind.READINESS);
        assertThat(result.success()).isTrue();
        assertThat(result.action()).isEqualTo("tcpSocket 7");
        ProbeResult refused = runner.runAdHocTcp(client, echo, "81");
        assertThat(refused.success()).isFalse();
        assertThat(refused.message()).startsWith("dial tcp " + echo.getStatus().getPodIP() + ":81: ")
                .contains("connection refused");
    }

    @Test
    void anExecProbeRunsTheCommandInTheContainer() throws Exception {
        V1Pod redis = pod("data", "redis-");
        ProbeResult result = runner.run(client, redis, null, ProbeKind.LIVENESS);
        assertThat(result.success()).isTrue();
        assertThat(result.output()).isEqualTo("PONG\n");
        assertThat(result.action()).isEqualTo("exec redis-cli ping");
        V1Probe failing = new V1Probe().exec(new V1ExecAction().command(List.of("sh", "-c", "exit 3")));
        ProbeResult failed = runner.run(client, redis, redis.getSpec().getContainers().getFirst(), failing);
        assertThat(failed.success()).isFalse();
        assertThat(failed.message()).isEqualTo("command \"sh -c exit 3\" exited with 3");
    }

    @Test
    void aGrpcProbeAsksTheHealthService() throws Exception {
        V1Pod inventory = SandboxPods.ready(sandbox, "shop", "inventory");
        ProbeResult result = runner.run(client, inventory, null, ProbeKind.READINESS);
        assertThat(result.message()).isEqualTo("status: SERVING");
        assertThat(result.success()).isTrue();
        assertThat(result.output()).isEqualTo("SERVING");
    }

    @Test
    void timeoutSecondsEndsAProbeThatDoesNotAnswer() throws Exception {
        V1Pod redis = pod("data", "redis-");
        V1Probe slow = new V1Probe().exec(new V1ExecAction().command(List.of("sleep", "30"))).timeoutSeconds(1);
        ProbeResult result = runner.run(client, redis, redis.getSpec().getContainers().getFirst(), slow);
        assertThat(result.success()).isFalse();
        assertThat(result.message()).isEqualTo("command \"sleep 30\" timed out after 1s");
        assertThat(result.latency()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void adHocHttpChecksAnyPathWithHeadersAsTheKubeletSendsThem() throws Exception {
        V1Pod pod = pod("shop", "recommendations-");
        ProbeResult healthz = runner.runAdHocHttp(client, pod, "http", "/healthz");
        assertThat(healthz.success()).isTrue();
        assertThat(healthz.httpStatus()).isEqualTo(200);
        V1Probe withHost = new V1Probe().httpGet(new V1HTTPGetAction().port(new IntOrString(8080)).path("/")
                .httpHeaders(List.of(new V1HTTPHeader().name("Host").value("shop.example.com"))));
        ProbeResult root = runner.run(client, pod, pod.getSpec().getContainers().getFirst(), withHost);
        assertThat(root.httpStatus()).isEqualTo(500);
        assertThat(root.success()).isFalse();
    }

    @Test
    void aMissingProbeOrContainerIsAClearError() {
        V1Pod echo = SandboxPods.ready(sandbox, "default", "echo");
        assertThatThrownBy(() -> runner.run(client, echo, null, ProbeKind.LIVENESS))
                .isInstanceOf(ProbeException.class)
                .hasMessage("Container echo of pod default/" + echo.getMetadata().getName() + " has no liveness probe");
        assertThatThrownBy(() -> runner.run(client, echo, "nope", ProbeKind.READINESS))
                .hasMessage("Pod default/" + echo.getMetadata().getName() + " has no container nope (it has [echo])");
    }

    @Test
    void aRepeatRunsNTimesAndKeepsTheHistory() throws Exception {
        V1Pod echo = SandboxPods.ready(sandbox, "default", "echo");
        List<ProbeResult> heard = new CopyOnWriteArrayList<>();
        ProbeRepeat repeat = ProbeRepeat.start(() -> {
            try {
                return runner.run(client, echo, null, ProbeKind.READINESS);
            } catch (ProbeException e) {
                throw new IllegalStateException(e);
            }
        }, Duration.ofMillis(50), 3, heard::add);
        repeat.await();
        assertThat(heard).hasSize(3).allSatisfy(r -> assertThat(r.success()).isTrue());
        assertThat(repeat.history()).isEqualTo(heard);
        assertThat(repeat.isDone()).isTrue();
    }

    private static V1Pod pod(String namespace, String prefix) {
        return sandbox.store().list(Resources.PODS, namespace).items().stream().map(StoredObject::object)
                .filter(p -> p.getMetadata().getName().startsWith(prefix)).findFirst().orElseThrow();
    }
}
