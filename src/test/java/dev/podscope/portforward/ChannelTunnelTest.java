package dev.podscope.portforward;

import dev.podscope.sandbox.Sandbox;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fallback for API servers without the SPDY upgrade: one WebSocket per connection, kubelet channel protocol. */
class ChannelTunnelTest {
    private static Sandbox sandbox;
    private static PodTunnels tunnels;

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxPods.start();
        tunnels = PodTunnels.channelOnly(SandboxPods.client(sandbox));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void getsTheWebPageAndTheEcho() throws Exception {
        V1Pod web = SandboxPods.ready(sandbox, "default", "web");
        try (PodTunnel tunnel = tunnels.open("default", SandboxPods.name(web), 80)) {
            assertThat(tunnel).isInstanceOf(ChannelTunnel.class);
            assertThat(PodTunnelsTest.exchange(tunnel, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 200 OK\r\n").contains("<h1>nginx</h1>");
        }
        V1Pod echo = SandboxPods.ready(sandbox, "default", "echo");
        try (PodTunnel tunnel = tunnels.open("default", SandboxPods.name(echo), 7)) {
            tunnel.output().write("ping\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(tunnel.input().readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("ping\n");
        }
    }

    @Test
    void aPortNothingListensOnAndAMissingPodFailWithTheSameWordsAsOverSpdy() throws Exception {
        V1Pod web = SandboxPods.ready(sandbox, "default", "web");
        try (PodTunnel tunnel = tunnels.open("default", SandboxPods.name(web), 81)) {
            assertThatThrownBy(() -> tunnel.input().read()).isInstanceOf(PortForwardException.class)
                    .hasMessageStartingWith("Port-forward to port 81 of pod default/" + SandboxPods.name(web)
                            + " failed: error forwarding port 81 to pod ");
        }
        assertThatThrownBy(() -> tunnels.open("default", "no-such-pod", 80))
                .isInstanceOf(PortForwardException.class)
                .hasMessage("Cannot port-forward to port 80 of pod default/no-such-pod: pods \"no-such-pod\" not found");
    }
}
