package dev.podscope.portforward;

import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.containers.TransferPod;
import dev.podscope.sandbox.store.Resources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the SPDY session adds to a tunnel: half-close, many connections on one session, a session that ends. */
class SpdySessionTest {
    private static Sandbox sandbox;
    private static PodTunnels tunnels;

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxPods.start();
        tunnels = new PodTunnels(SandboxPods.client(sandbox));
    }

    @AfterAll
    static void stop() {
        tunnels.close();
        sandbox.close();
    }

    @Test
    void closingTheOutputHalfClosesSoTheEchoEndsAfterTheLastByte() throws Exception {
        String pod = SandboxPods.name(SandboxPods.ready(sandbox, "default", "echo"));
        try (PodTunnel tunnel = tunnels.open("default", pod, 7)) {
            tunnel.output().write("last words\n".getBytes(StandardCharsets.US_ASCII));
            tunnel.output().close();
            // the echo server reads end of stream, stops, and the pod side closes: the input ends cleanly
            assertThat(PodTunnelsTest.readAll(tunnel.input())).isEqualTo("last words\n");
            assertThatThrownBy(() -> tunnel.output().write('x')).isInstanceOf(PortForwardException.class)
                    .hasMessageContaining("is closed");
        }
    }

    @Test
    void connectionsOpenedOneAfterTheOtherAndSideBySideEachGetTheirOwnBytes() throws Exception {
        String pod = SandboxPods.name(SandboxPods.ready(sandbox, "default", "echo"));
        List<PodTunnel> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                PodTunnel tunnel = tunnels.open("default", pod, 7);
                open.add(tunnel);
                tunnel.output().write(("connection " + i + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            // closing some in the middle resets their streams only
            open.get(3).close();
            open.get(6).close();
            for (int i = 0; i < 10; i++) {
                if (i == 3 || i == 6) {
                    continue;
                }
                String expected = "connection " + i + "\n";
                byte[] echoed = open.get(i).input().readNBytes(expected.length());
                assertThat(new String(echoed, StandardCharsets.US_ASCII)).isEqualTo(expected);
            }
            PodTunnel later = tunnels.open("default", pod, 7);
            open.add(later);
            later.output().write("later\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(later.input().readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo("later\n");
        } finally {
            open.forEach(PodTunnel::close);
        }
    }

    @Test
    void theBenchmarksBytesSourceSendsTheCountedPatternAndTakesTheNextRequest() throws Exception {
        String node = sandbox.store().list(Resources.NODES, null).items().getFirst().object().getMetadata().getName();
        sandbox.store().create(Resources.PODS, TransferPod.pod("default", "transfer", node,
                OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5).withNano(0)));
        try (PodTunnel tunnel = tunnels.open("default", "transfer", TransferPod.BULK_PORT)) {
            int count = 3 * 65536 + 17;
            tunnel.output().write((count + "\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(tunnel.input().readNBytes(count)).isEqualTo(TransferPod.bulkBytes(count));
            tunnel.output().write("5\n".getBytes(StandardCharsets.US_ASCII));
            tunnel.output().close();
            assertThat(tunnel.input().readAllBytes()).isEqualTo(TransferPod.bulkBytes(5));
        }
    }

    @Test
    void afterThePodIsReplacedANewConnectionGetsANewSessionOrANotFound() throws Exception {
        String pod = SandboxPods.name(SandboxPods.ready(sandbox, "default", "web"));
        try (PodTunnel first = tunnels.open("default", pod, 80)) {
            assertThat(PodTunnelsTest.exchange(first, "GET /healthz HTTP/1.1\r\nHost: web\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 200 OK");
        }
        sandbox.store().delete(Resources.PODS, "default", pod);
        // the old session ends with the pod; the next open must not reuse it but ask the API server again
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                tunnels.open("default", pod, 80).close();
                Thread.sleep(50);
            }
        }).isInstanceOf(PortForwardException.class).hasMessageContaining("not found");
    }
}
