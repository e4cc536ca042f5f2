package dev.podscope.portforward;

import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Many connections, a large transfer and a pod that goes away, through Podscope's tunnels to the sandbox. */
class PodTunnelsLoadTest {
    private static final long BIG = 256L * 1024 * 1024;

    private static Sandbox sandbox;
    private static PodTunnels tunnels;

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxPods.start();
        tunnels = new PodTunnels(SandboxPods.client(sandbox));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void fiftyConcurrentTunnelsEachGetTheirOwnAnswers() throws Exception {
        String pod = SandboxPods.name(SandboxPods.ready(sandbox, "shop", "cart"));
        List<PodTunnel> open = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                PodTunnel tunnel = tunnels.open("shop", pod, 8080);
                open.add(tunnel);
            }
            // all 50 are open at once before any of them is used
            for (int i = 0; i < open.size(); i++) {
                PodTunnel tunnel = open.get(i);
                String path = "/healthz?n=" + i;
                answers.add(threads.submit(() -> PodTunnelsTest.exchange(tunnel,
                        "GET " + path + " HTTP/1.1\r\nHost: cart\r\nConnection: close\r\n\r\n")));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get()).startsWith("HTTP/1.1 200 OK").endsWith("\r\n\r\nok\n");
            }
        } finally {
            open.forEach(PodTunnel::close);
        }
    }

    @Test
    void echoes256MegabytesIntactWithBackPressure() throws Exception {
        String pod = SandboxPods.name(SandboxPods.ready(sandbox, "default", "echo"));
        try (PodTunnel tunnel = tunnels.open("default", pod, 7)) {
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> digest(tunnel.input(), BIG));
            long started = System.nanoTime();
            byte[] block = new byte[256 * 1024];
            new Random(7).nextBytes(block);
            OutputStream out = tunnel.output();
            for (long done = 0; done < BIG; done += block.length) {
                block[0] = (byte) done;
                block[block.length - 1] = (byte) (done >> 18);
                sent.update(block);
                out.write(block);
            }
            out.flush();
            byte[] echoed = received.get();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("podscope tunnel: 256 MB echoed in %.2f s = %.0f MB/s each way%n", seconds,
                    256 / seconds);
            assertThat(HexFormat.of().formatHex(echoed)).isEqualTo(HexFormat.of().formatHex(sent.digest()));
        }
    }

    @Test
    void deletingThePodBreaksItsTunnels() throws Exception {
        V1Pod pod = SandboxPods.ready(sandbox, "default", "web");
        PodTunnel tunnel = tunnels.open("default", SandboxPods.name(pod), 80);
        try {
            tunnel.output().write("GET /healthz HTTP/1.1\r\nHost: web\r\n\r\n".getBytes());
            byte[] first = new byte[15];
            assertThat(tunnel.input().readNBytes(first, 0, 15)).isEqualTo(15);
            assertThat(new String(first)).isEqualTo("HTTP/1.1 200 OK");
            sandbox.store().delete(Resources.PODS, "default", SandboxPods.name(pod));
            assertThatThrownBy(() -> {
                InputStream in = tunnel.input();
                while (in.read() >= 0) {
                    // drain the rest of the answer; the tunnel must then end
                }
                tunnel.output().write("GET /healthz HTTP/1.1\r\nHost: web\r\n\r\n".getBytes());
                while (in.read() >= 0) {
                    // nothing more may come
                }
                throw new IOException("closed");
            }).isInstanceOf(IOException.class);
        } finally {
            tunnel.close();
        }
    }

    private static byte[] digest(InputStream in, long expected) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            while (total < expected) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("the echo ended after " + total + " bytes");
                }
                digest.update(buffer, 0, n);
                total += n;
            }
            return digest.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
