package dev.podscope.sandbox;

import dev.podscope.testing.Eventually;
import dev.podscope.portforward.SandboxPods;
import io.kubernetes.client.PortForward;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** Real kubectl 1.32 (and the official Java client) against the sandbox's pods/portforward and pods/exec. */
class SandboxStreamsKubectlTest {
    @TempDir
    static Path tempDir;
    private static Sandbox sandbox;
    private static Kubectl kubectl;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxPods.start();
        kubectl = new Kubectl(sandbox.writeKubeconfig(tempDir.resolve("kubeconfig")), tempDir.resolve("home"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void portForwardsAPodAndServesHttp() throws Exception {
        String cart = SandboxPods.name(SandboxPods.ready(sandbox, "shop", "cart"));
        int local = freePort();
        Process forward = kubectl.start("port-forward", "-n", "shop", "pod/" + cart, local + ":8080");
        try {
            awaitForwarding(forward, local);
            HttpResponse<String> response = get(local, "/");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"service\":\"cart\"", "\"pod\":\"" + cart + "\"");
            assertThat(get(local, "/readyz").body()).isEqualTo("ok\n");
        } finally {
            forward.destroy();
        }
    }

    @Test
    void portForwardsAServiceByItsNamedPort() throws Exception {
        int local = freePort();
        Process forward = kubectl.start("port-forward", "svc/web", local + ":http");
        try {
            awaitForwarding(forward, local);
            HttpResponse<String> response = get(local, "/");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("<h1>nginx</h1>");
        } finally {
            forward.destroy();
        }
    }

    @Test
    void fallsBackToTheSpdyUpgradeWhenWebSocketsAreOff() throws Exception {
        String web = SandboxPods.name(SandboxPods.ready(sandbox, "default", "web"));
        int local = freePort();
        Process forward = kubectl.start(Map.of("KUBECTL_PORT_FORWARD_WEBSOCKETS", "false"),
                "port-forward", "pod/" + web, local + ":80");
        try {
            awaitForwarding(forward, local);
            assertThat(get(local, "/healthz").body()).isEqualTo("ok\n");
            assertThat(get(local, "/").body()).contains(web);
        } finally {
            forward.destroy();
        }
    }

    @Test
    void reportsAPortNothingListensOn() throws Exception {
        String web = SandboxPods.name(SandboxPods.ready(sandbox, "default", "web"));
        int local = freePort();
        Process forward = kubectl.start("port-forward", "pod/" + web, local + ":81");
        try {
            awaitForwarding(forward, local);
            try (var socket = new java.net.Socket("127.0.0.1", local)) {
                socket.getInputStream().read();
            } catch (IOException reset) {
                // kubectl drops the local connection once the pod side refuses
            }
            String error = new String(forward.getErrorStream().readNBytes(400), StandardCharsets.UTF_8);
            assertThat(error).contains("an error occurred forwarding " + local + " -> 81: error forwarding port 81 "
                    + "to pod ").contains("failed to connect to localhost:81 inside namespace");
        } finally {
            forward.destroy();
        }
    }

    @Test
    void execCatsTheHostnameAndPassesExitCodesOn() throws Exception {
        String web = SandboxPods.name(SandboxPods.ready(sandbox, "default", "web"));
        Kubectl.Result hostname = kubectl.run("exec", web, "--", "cat", "/etc/hostname");
        assertThat(hostname.exitCode()).as(hostname.err()).isZero();
        assertThat(hostname.out()).isEqualTo(web + "\n");

        Kubectl.Result exit = kubectl.run("exec", web, "--", "sh", "-c", "exit 3");
        assertThat(exit.exitCode()).isEqualTo(3);
        assertThat(exit.err()).contains("command terminated with exit code 3");
    }

    @Test
    void theJavaClientsPortForwardWorksToo() throws Exception {
        String web = SandboxPods.name(SandboxPods.ready(sandbox, "default", "web"));
        PortForward.PortForwardResult result = new PortForward(SandboxPods.client(sandbox))
                .forward("default", web, List.of(80));
        // the input stream first: once the server has answered and closed, client-java refuses to hand it out
        InputStream in = result.getInputStream(80);
        OutputStream out = result.getOutboundStream(80);
        out.write("GET /healthz HTTP/1.1\r\nHost: web\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] head = in.readNBytes(15);
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK");
    }

    private static BlockingQueue<String> awaitForwarding(Process forward, int local) throws InterruptedException {
        BlockingQueue<String> lines = Kubectl.lines(forward);
        Eventually.line(lines, line -> line.startsWith("Forwarding from 127.0.0.1:" + local));
        return lines;
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
