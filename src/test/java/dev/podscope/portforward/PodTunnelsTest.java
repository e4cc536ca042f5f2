package dev.podscope.portforward;

import dev.podscope.sandbox.Sandbox;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Podscope's port-forward client through the sandbox's pods/portforward to the simulated containers' servers. */
class PodTunnelsTest {
    private static Sandbox sandbox;
    private static PodTunnels tunnels;

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxPods.start();
        ApiClient client = SandboxPods.client(sandbox);
        tunnels = new PodTunnels(client);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void getsTheWebPageOfAnNginxPodThroughATunnel() throws Exception {
        V1Pod web = SandboxPods.ready(sandbox, "default", "web");
        try (PodTunnel tunnel = tunnels.open("default", SandboxPods.name(web), 80)) {
            String response = exchange(tunnel, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 200 OK\r\n").contains("Server: nginx/1.27.3")
                    .contains("<h1>nginx</h1>").contains(SandboxPods.name(web));
        }
    }

    @Test
    void theNotReadyScenarioAnswers500OnReadinessButPassesLiveness() throws Exception {
        V1Pod pod = sandbox.store().list(dev.podscope.sandbox.store.Resources.PODS, "shop").items().stream()
                .map(s -> s.object()).filter(p -> p.getMetadata().getName().startsWith("recommendations-"))
                .findFirst().orElseThrow();
        try (PodTunnel tunnel = tunnels.open("shop", SandboxPods.name(pod), 8080)) {
            String response = exchange(tunnel, "GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 500 Internal Server Error").contains("\"status\":\"unavailable\"")
                    .contains("HTTP/1.1 200 OK");
        }
    }

    @Test
    void theInventoryServiceAnswersTheGrpcHealthCheck() throws Exception {
        V1Pod inventory = SandboxPods.ready(sandbox, "shop", "inventory");
        try (PodTunnel tunnel = tunnels.open("shop", SandboxPods.name(inventory), 50051)) {
            // HealthCheckResponse{status: SERVING} after the 5-byte gRPC message prefix
            assertThat(GrpcHealthCall.check(tunnel, "")).isEqualTo("200 0 00000000020801");
        }
    }

    @Test
    void theEchoServiceSendsEveryByteBack() throws Exception {
        V1Pod echo = SandboxPods.ready(sandbox, "default", "echo");
        try (PodTunnel tunnel = tunnels.open("default", SandboxPods.name(echo), 7)) {
            tunnel.output().write("ping\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(tunnel.input().readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("ping\n");
        }
    }

    @Test
    void aPortNothingListensOnFailsWithTheKubeletsMessage() throws Exception {
        V1Pod web = SandboxPods.ready(sandbox, "default", "web");
        try (PodTunnel tunnel = tunnels.open("default", SandboxPods.name(web), 81)) {
            assertThatThrownBy(() -> tunnel.input().read()).isInstanceOf(PortForwardException.class)
                    .hasMessageContaining("port 81 of pod default/" + SandboxPods.name(web))
                    .hasMessageContaining("error forwarding port 81 to pod ")
                    .hasMessageContaining("connect: connection refused");
        }
    }

    @Test
    void aMissingPodIsNamedInTheError() {
        assertThatThrownBy(() -> tunnels.open("default", "no-such-pod", 80))
                .isInstanceOf(PortForwardException.class)
                .hasMessage("Cannot port-forward to port 80 of pod default/no-such-pod: pods \"no-such-pod\" not found")
                .satisfies(e -> assertThat(((PortForwardException) e).httpCode()).isEqualTo(404));
    }

    static String exchange(PodTunnel tunnel, String request) throws IOException {
        tunnel.output().write(request.getBytes(StandardCharsets.US_ASCII));
        tunnel.output().flush();
        return readAll(tunnel.input());
    }

    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
