package dev.podscope.cli;

import dev.podscope.portforward.SandboxPods;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.store.Resources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code podscope port-forward} as a process against the sandbox: kubectl's lines, traffic, reconnects, errors. */
class PortForwardCommandTest {
    @TempDir
    static Path dir;
    private static Sandbox sandbox;
    private static String kubeconfig;

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxPods.start();
        kubeconfig = sandbox.writeKubeconfig(dir.resolve("kubeconfig")).toString();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void forwardsLikeKubectlAndReconnectsWhenThePodIsReplaced() throws Exception {
        int web = freePort();
        int echo = freePort();
        Process process = PodscopeProcess.start(Map.of(), List.of("port-forward", "svc/echo", echo + ":echo",
                "-n", "default", "--kubeconfig", kubeconfig));
        Process second = PodscopeProcess.start(Map.of(), List.of("port-forward", "deploy/web", web + ":80",
                "--kubeconfig", kubeconfig));
        try {
            BlockingQueue<String> out = lines(process.getInputStream());
            BlockingQueue<String> err = lines(process.getErrorStream());
            assertThat(next(out)).isEqualTo("Forwarding from 127.0.0.1:" + echo + " -> 7");
            assertThat(echo(echo, "one")).isEqualTo("one");
            assertThat(next(out)).isEqualTo("Handling connection for " + echo);
            String pod = SandboxPods.name(SandboxPods.ready(sandbox, "default", "echo"));
            sandbox.store().delete(Resources.PODS, "default", pod);
            assertThat(next(err)).startsWith("Lost the forward to " + pod + ": ").endsWith("; reconnecting");
            String again = nextMatching(err, "again");
            assertThat(again).startsWith("Forwarding " + echo + " -> 7 again, to pod echo-").doesNotEndWith(pod);
            assertThat(echo(echo, "two")).isEqualTo("two");

            assertThat(next(lines(second.getInputStream()))).isEqualTo("Forwarding from 127.0.0.1:" + web + " -> 80");
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), web)) {
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes());
                assertThat(new String(socket.getInputStream().readAllBytes())).startsWith("HTTP/1.1 200 OK");
            }
        } finally {
            process.destroy();
            second.destroy();
            process.waitFor();
            second.waitFor();
        }
    }

    @Test
    void failuresExitOneWithOneLine() throws Exception {
        Cli.Result missing = Cli.run("port-forward", "svc/nope", "80", "-n", "default", "--kubeconfig", kubeconfig);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("error: Service default/nope not found\n");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Result busy = Cli.run("port-forward", "svc/web", taken.getLocalPort() + ":http", "-n", "default",
                    "--kubeconfig", kubeconfig);
            assertThat(busy.exitCode()).isEqualTo(1);
            assertThat(busy.err()).isEqualTo("error: Local port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use\n");
        }
        Cli.Result kind = Cli.run("port-forward", "cm/x", "80", "--kubeconfig", kubeconfig);
        assertThat(kind.err()).isEqualTo("error: cannot port-forward to a cm: use pod/NAME, svc/NAME or deploy/NAME\n");
        Cli.Result port = Cli.run("port-forward", "svc/web", "x:80", "--kubeconfig", kubeconfig);
        assertThat(port.err()).isEqualTo("error: the local port in 'x:80' is not a number\n");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String echo(int port, String text) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write((text + "\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readNBytes(text.length() + 1), StandardCharsets.US_ASCII).strip();
        }
    }

    private static BlockingQueue<String> lines(java.io.InputStream in) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process is gone
            }
        });
        return lines;
    }

    /** The next line; the limit only stops a broken test from hanging. */
    private static String next(BlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(60, TimeUnit.SECONDS);
        assertThat(line).as("a line within a minute").isNotNull();
        return line;
    }

    private static String nextMatching(BlockingQueue<String> lines, String part) throws InterruptedException {
        for (String line = next(lines); ; line = next(lines)) {
            if (line.contains(part)) {
                return line;
            }
        }
    }
}
