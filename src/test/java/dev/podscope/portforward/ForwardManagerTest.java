package dev.podscope.portforward;

import dev.podscope.testing.Eventually;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Forwards through the sandbox with real local sockets: resolution, many connections, surviving pod replacement. */
class ForwardManagerTest {
    static final ForwardTimings FAST = new ForwardTimings(Duration.ofMillis(300), Duration.ofMillis(200),
            Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

    private static Sandbox sandbox;
    private static ApiClient client;
    private final ForwardManager manager = new ForwardManager(FAST);

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxPods.start();
        client = SandboxPods.client(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void closeForwards() {
        manager.closeAll();
        assertThat(manager.list()).isEmpty();
    }

    @Test
    void aServicePortNameResolvesThroughTheNamedTargetPortToAReadyPod() throws Exception {
        Forward forward = manager.start("sandbox", client, ForwardTarget.service("default", "web", "http"), 0, null);
        ForwardStatus status = forward.status();
        assertThat(status.state()).isEqualTo(ForwardState.ACTIVE);
        assertThat(status.remotePort()).isEqualTo(80);
        assertThat(status.pod()).startsWith("web-");
        assertThat(status.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(status.warning()).isNull();
        assertThat(get(status.localPort(), "/")).startsWith("HTTP/1.1 200 OK").contains(status.pod());
        assertThat(manager.list()).extracting(ForwardStatus::id).containsExactly(forward.id());
    }

    @Test
    void theLocalPortIsTheRemoteNumberWhenItIsFree() throws Exception {
        boolean free;
        try (ServerSocket probe = new ServerSocket(8080, 1, InetAddress.getLoopbackAddress())) {
            free = true;
        } catch (IOException busy) {
            free = false;
        }
        Forward forward = manager.start("sandbox", client, ForwardTarget.service("shop", "cart", "8080"), 0, null);
        if (free) {
            assertThat(forward.status().localPort()).isEqualTo(8080);
        } else {
            assertThat(forward.status().localPort()).isNotEqualTo(8080).isPositive();
        }
        assertThat(get(forward.status().localPort(), "/healthz")).startsWith("HTTP/1.1 200 OK");
    }

    @Test
    void aDeploymentForwardsToOneOfItsReadyPodsAndAPodByPortName() throws Exception {
        Forward deployment = manager.start("sandbox", client, ForwardTarget.deployment("default", "web", "80"), 0, null);
        assertThat(deployment.status().pod()).startsWith("web-");
        assertThat(get(deployment.status().localPort(), "/healthz")).startsWith("HTTP/1.1 200 OK");
        String pod = SandboxPods.name(SandboxPods.ready(sandbox, "default", "web"));
        Forward byName = manager.start("sandbox", client, ForwardTarget.pod("default", pod, "http"), 0, null);
        assertThat(byName.status().remotePort()).isEqualTo(80);
        assertThat(get(byName.status().localPort(), "/")).contains(pod);
    }

    @Test
    void fiftyConcurrentConnectionsThroughOneForwardKeepTheirBytes() throws Exception {
        Forward forward = manager.start("sandbox", client, ForwardTarget.service("default", "echo", "echo"), 0, null);
        int port = forward.status().localPort();
        int each = 256 * 1024;
        List<Socket> sockets = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                sockets.add(new Socket(InetAddress.getLoopbackAddress(), port));
            }
            Eventually.until("50 open connections", () -> forward.status().openConnections() == 50);
            List<Future<Boolean>> same = new ArrayList<>();
            for (int i = 0; i < sockets.size(); i++) {
                Socket socket = sockets.get(i);
                byte[] data = new byte[each];
                new Random(i).nextBytes(data);
                threads.submit(() -> {
                    socket.getOutputStream().write(data);
                    return null;
                });
                same.add(threads.submit(() -> MessageDigest.isEqual(sha(data),
                        sha(socket.getInputStream().readNBytes(each)))));
            }
            for (Future<Boolean> f : same) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
        // a pipe counts its bytes after handing them on, so the reader may finish a moment before the count
        Eventually.until("all bytes counted", () -> forward.status().bytesOut() == 50L * each
                && forward.status().bytesIn() == 50L * each);
        Eventually.until("all connections closed", () -> forward.status().openConnections() == 0);
    }

    @Test
    void twoHundredFiftySixMegabytesEchoIntactThroughALocalConnection() throws Exception {
        Forward forward = manager.start("sandbox", client, ForwardTarget.service("default", "echo", "echo"), 0, null);
        long size = 256L * 1024 * 1024;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), forward.status().localPort())) {
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            var received = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    MessageDigest digest = MessageDigest.getInstance("SHA-256");
                    InputStream in = socket.getInputStream();
                    byte[] buffer = new byte[64 * 1024];
                    for (long left = size; left > 0; ) {
                        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                        if (n < 0) {
                            throw new IOException("ended " + left + " bytes early");
                        }
                        digest.update(buffer, 0, n);
                        left -= n;
                    }
                    return digest.digest();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long started = System.nanoTime();
            byte[] block = new byte[256 * 1024];
            new Random(11).nextBytes(block);
            OutputStream out = socket.getOutputStream();
            for (long done = 0; done < size; done += block.length) {
                block[0] = (byte) (done >> 18);
                sent.update(block);
                out.write(block);
            }
            byte[] echoed = received.get();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("podscope forward: 256 MB echoed through a local connection in %.2f s = %.0f MB/s%n",
                    seconds, 256 / seconds);
            assertThat(MessageDigest.isEqual(echoed, sent.digest())).isTrue();
        }
    }

    @Test
    void aServiceForwardSurvivesThePodBeingReplaced() throws Exception {
        List<ForwardState> states = new CopyOnWriteArrayList<>();
        manager.addListener(s -> states.add(s.state()));
        Forward forward = manager.start("sandbox", client, ForwardTarget.service("default", "echo", "echo"), 0, null);
        String before = forward.status().pod();
        int port = forward.status().localPort();
        assertThat(echo(port, "before")).isEqualTo("before");
        sandbox.store().delete(Resources.PODS, "default", before);
        Eventually.until("the forward to move to the new echo pod", () -> forward.state() == ForwardState.ACTIVE
                && !before.equals(forward.status().pod()));
        assertThat(echo(port, "after")).isEqualTo("after");
        assertThat(forward.status().localPort()).isEqualTo(port);
        assertThat(states).containsSubsequence(ForwardState.STARTING, ForwardState.ACTIVE, ForwardState.RECONNECTING,
                ForwardState.ACTIVE);
    }

    @Test
    void aPodForwardFollowsItsDeploymentToAnotherReadyPod() throws Exception {
        String pod = SandboxPods.name(SandboxPods.ready(sandbox, "default", "web"));
        Forward forward = manager.start("sandbox", client, ForwardTarget.pod("default", pod, "80"), 0, null);
        int port = forward.status().localPort();
        sandbox.store().delete(Resources.PODS, "default", pod);
        Eventually.until("the forward to move to another web pod", () -> forward.state() == ForwardState.ACTIVE
                && !pod.equals(forward.status().pod()));
        String moved = forward.status().pod();
        assertThat(moved).startsWith("web-");
        assertThat(get(port, "/")).startsWith("HTTP/1.1 200 OK").contains(moved);
        assertThat(forward.status().lastError()).isNotNull();
    }

    @Test
    void stopFreesTheLocalPortAndRestartTakesItAgain() throws Exception {
        int port = freePort();
        Forward forward = manager.start("sandbox", client, ForwardTarget.service("default", "web", "http"), port, null);
        assertThat(forward.status().localPort()).isEqualTo(port);
        Forward again = manager.restart(forward.id());
        assertThat(forward.state()).isEqualTo(ForwardState.STOPPED);
        assertThat(again.status().localPort()).isEqualTo(port);
        assertThat(get(port, "/healthz")).startsWith("HTTP/1.1 200 OK");
        manager.stop(again.id());
        assertThat(again.state()).isEqualTo(ForwardState.STOPPED);
        try (ServerSocket reuse = new ServerSocket()) {
            reuse.setReuseAddress(true);
            reuse.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(reuse.getLocalPort()).isEqualTo(port);
        }
    }

    /** A port nothing listens on right now (the machine is shared, so not a well-known one). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String get(int port, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String echo(int port, String text) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write((text + "\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] back = in.readNBytes(text.length() + 1);
            return new String(back, StandardCharsets.US_ASCII).strip();
        }
    }

    private static byte[] sha(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
