package dev.podscope.cli;

import dev.podscope.portforward.SandboxPods;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.store.Resources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code podscope probe} against the sandbox: the verdict, the kubelet's view, and the exit code. */
class ProbeCommandTest {
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
    void aFailingReadinessProbeExitsOneAndAgreesWithTheKubelet() {
        String pod = sandbox.store().list(Resources.PODS, "shop").items().stream()
                .map(s -> s.object().getMetadata().getName()).filter(n -> n.startsWith("recommendations-"))
                .findFirst().orElseThrow();
        Cli.Result result = Cli.run("probe", pod, "-n", "shop", "--kubeconfig", kubeconfig);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.out()).startsWith("Readiness probe of container recommendations in pod shop/" + pod + "\n")
                .contains("/readyz: FAILURE in ").contains("HTTP probe failed with statuscode: 500")
                .contains("\"status\":\"unavailable\"")
                .contains("kubelet: Ready False").contains("Readiness probe failed: HTTP probe failed with statuscode: 500")
                .contains("agrees with this run");
    }

    @Test
    void aHealthyProbeExitsZero() {
        String pod = SandboxPods.name(SandboxPods.ready(sandbox, "shop", "inventory"));
        Cli.Result grpc = Cli.run("probe", "pod/" + pod, "-n", "shop", "--kind", "liveness", "--kubeconfig", kubeconfig);
        assertThat(grpc.exitCode()).as(grpc.err()).isZero();
        assertThat(grpc.out()).startsWith("Liveness probe of container inventory").contains(": success in ")
                .contains("status: SERVING");
        String redis = sandbox.store().list(Resources.PODS, "data").items().stream()
                .map(s -> s.object().getMetadata().getName()).filter(n -> n.startsWith("redis-")).findFirst().orElseThrow();
        Cli.Result exec = Cli.run("probe", redis, "-n", "data", "--kubeconfig", kubeconfig);
        assertThat(exec.exitCode()).as(exec.err()).isZero();
        assertThat(exec.out()).contains("exec redis-cli ping: success").contains("PONG");
    }

    @Test
    void adHocChecksAndRepeats() {
        String echo = SandboxPods.name(SandboxPods.ready(sandbox, "default", "echo"));
        Cli.Result tcp = Cli.run("probe", echo, "-n", "default", "--tcp", "echo", "--repeat", "2", "--period", "0",
                "--kubeconfig", kubeconfig);
        assertThat(tcp.exitCode()).as(tcp.err()).isZero();
        assertThat(tcp.out()).startsWith("Ad-hoc check of container echo").contains("#1 tcpSocket 7: success")
                .contains("#2 tcpSocket 7: success").endsWith("2/2 succeeded\n");
        Cli.Result refused = Cli.run("probe", echo, "-n", "default", "--tcp", "81", "--kubeconfig", kubeconfig);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("tcpSocket 81: FAILURE").contains("connection refused");
        String web = SandboxPods.name(SandboxPods.ready(sandbox, "default", "web"));
        Cli.Result http = Cli.run("probe", web, "-n", "default", "--http", "http/healthz", "--kubeconfig", kubeconfig);
        assertThat(http.exitCode()).as(http.err()).isZero();
        assertThat(http.out()).contains(":80/healthz: success").contains("HTTP probe succeeded with statuscode: 200");
    }

    @Test
    void mistakesAreOneLineErrors() {
        Cli.Result missing = Cli.run("probe", "nope", "-n", "default", "--kubeconfig", kubeconfig);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("error: pod default/nope not found\n");
        String echo = SandboxPods.name(SandboxPods.ready(sandbox, "default", "echo"));
        Cli.Result noProbe = Cli.run("probe", echo, "-n", "default", "--kind", "liveness", "--kubeconfig", kubeconfig);
        assertThat(noProbe.err()).isEqualTo("error: container echo has no liveness probe\n");
        Cli.Result badKind = Cli.run("probe", echo, "-n", "default", "--kind", "ready", "--kubeconfig", kubeconfig);
        assertThat(badKind.err()).isEqualTo("error: unknown probe kind 'ready': use liveness, readiness or startup\n");
        Cli.Result badPort = Cli.run("probe", echo, "-n", "default", "--http", "admin/", "--kubeconfig", kubeconfig);
        assertThat(badPort.exitCode()).isEqualTo(1);
        assertThat(badPort.err()).isEqualTo("error: Container echo of pod default/" + echo + " has no port named 'admin'\n");
    }
}
