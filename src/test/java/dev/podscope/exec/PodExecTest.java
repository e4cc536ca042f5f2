package dev.podscope.exec;

import dev.podscope.portforward.SandboxPods;
import dev.podscope.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Podscope's exec client through the sandbox's pods/exec (v5.channel.k8s.io) into the simulated shell. */
class PodExecTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static Sandbox sandbox;
    private static PodExec exec;
    private static String web;

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxPods.start();
        exec = new PodExec(SandboxPods.client(sandbox));
        web = SandboxPods.name(SandboxPods.ready(sandbox, "default", "web"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void catsTheHostnameFile() throws IOException {
        ExecResult result = exec.run("default", web, "nginx", List.of("cat", "/etc/hostname"), TIMEOUT);
        assertThat(result).isEqualTo(new ExecResult(0, web + "\n", ""));
    }

    @Test
    void reportsTheExitCodeOfAShellScript() throws IOException {
        assertThat(exec.run("default", web, null, List.of("sh", "-c", "exit 3"), TIMEOUT).exitCode()).isEqualTo(3);
        ExecResult chained = exec.run("default", web, null,
                List.of("sh", "-c", "echo \"host: $HOSTNAME\"; false || echo fallback && exit 0"), TIMEOUT);
        assertThat(chained).isEqualTo(new ExecResult(0, "host: " + web + "\nfallback\n", ""));
    }

    @Test
    void aMissingFileGoesToStderrWithExitCode1() throws IOException {
        ExecResult result = exec.run("default", web, null, List.of("cat", "/etc/nope"), TIMEOUT);
        assertThat(result).isEqualTo(new ExecResult(1, "", "cat: can't open '/etc/nope': No such file or directory\n"));
    }

    @Test
    void runsTheRedisHealthCheckOfItsExecProbe() throws IOException {
        String redis = SandboxPods.name(SandboxPods.ready(sandbox, "data", "redis"));
        assertThat(exec.run("data", redis, "redis", List.of("redis-cli", "ping"), TIMEOUT))
                .isEqualTo(new ExecResult(0, "PONG\n", ""));
    }

    @Test
    void refusalsNameThePodAndTheReason() {
        assertThatThrownBy(() -> exec.run("default", "gone", null, List.of("ls"), TIMEOUT))
                .isInstanceOf(ExecException.class)
                .hasMessage("Cannot exec in pod default/gone: pods \"gone\" not found");
        assertThatThrownBy(() -> exec.run("default", web, "sidecar", List.of("ls"), TIMEOUT))
                .isInstanceOf(ExecException.class)
                .hasMessage("Cannot exec in container sidecar of pod default/" + web + ": container sidecar is not "
                        + "valid for pod " + web);
    }

    @Test
    void aCommandThatRunsTooLongTimesOut() {
        assertThatThrownBy(() -> exec.run("default", web, null, List.of("sleep", "30"), Duration.ofMillis(500)))
                .isInstanceOf(ExecException.class)
                .hasMessage("The command in pod default/" + web + " did not finish within 0.5 s");
    }
}
