package dev.podscope.cli;

import dev.podscope.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code podscope sandbox} as a user runs it: its own process, one line when it is ready, kubectl works against the
 * kubeconfig it wrote, and SIGTERM (Ctrl-C, {@code kill}) stops it promptly and quietly with its port closed.
 * <p>
 * "Stops cleanly" means: the process is gone within a few seconds of SIGTERM, its exit code is 0 or 143 (a JVM
 * ended by SIGTERM reports 128 + 15 once its shutdown hooks have run), and nothing is printed on stderr.
 */
class SandboxCommandTest {
    private static final Pattern READY = Pattern.compile(
            "Sandbox cluster ready at https://127\\.0\\.0\\.1:(\\d+) with 60 pods in 6 namespaces; kubeconfig (\\S+)"
                    + " \\(context podscope-sandbox\\)\\. Press Ctrl-C to stop\\.");

    @TempDir
    Path dir;

    @Test
    void servesKubectlUntilSigterm() throws Exception {
        Path kubeconfig = dir.resolve("sandbox-kubeconfig.yaml");
        Process sandbox = PodscopeProcess.start(Map.of(), List.of("sandbox", "--kubeconfig", kubeconfig.toString(),
                "--port", "0", "--pods", "60", "--namespaces", "6", "--seed", "7"));
        try {
            CompletableFuture<String> err = KubectlBinary.readAsync(sandbox.getErrorStream());
            BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            assertThat(ready).as("the first line; stderr so far: %s", err.getNow("")).isNotNull();
            Matcher matcher = READY.matcher(ready);
            assertThat(matcher.matches()).as("ready line: %s", ready).isTrue();
            int port = Integer.parseInt(matcher.group(1));
            assertThat(Path.of(matcher.group(2))).isEqualTo(kubeconfig.toAbsolutePath());
            assertThat(Files.getPosixFilePermissions(kubeconfig)).as("the kubeconfig holds a token")
                    .hasToString("[OWNER_READ, OWNER_WRITE]");

            KubectlBinary kubectl = new KubectlBinary(dir.resolve("home"));
            Cli.Result pods = kubectl.run("--kubeconfig", kubeconfig.toString(), "get", "pods", "-A");
            Cli.Result nodes = kubectl.run("--kubeconfig", kubeconfig.toString(), "get", "nodes");

            assertThat(pods.exitCode()).as(pods.err()).isZero();
            List<String> podLines = pods.out().lines().toList();
            assertThat(podLines.getFirst()).matches("NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE");
            assertThat(podLines.stream().skip(1).map(line -> line.split(" +")[0]).distinct())
                    .as("namespaces with pods").hasSizeGreaterThanOrEqualTo(6);
            assertThat(podLines.size() - 1).as("pods").isGreaterThanOrEqualTo(60);
            assertThat(nodes.exitCode()).as(nodes.err()).isZero();
            List<String> nodeLines = nodes.out().lines().toList();
            assertThat(nodeLines.getFirst()).matches("NAME +STATUS +ROLES +AGE +VERSION");
            assertThat(nodeLines.stream().skip(1).filter(line -> !line.startsWith("sandbox-worker-3 ")))
                    .isNotEmpty().allMatch(line -> line.split(" +")[1].startsWith("Ready"));
            assertThat(nodeLines).anyMatch(line -> line.matches("sandbox-worker-3 +NotReady .*"));

            // the same SIGTERM as Process.destroy(), which would also close our end of the pipes before we read them
            assertThat(sandbox.toHandle().destroy()).isTrue();

            assertThat(sandbox.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s of SIGTERM").isTrue();
            assertThat(sandbox.exitValue()).isIn(0, 143);
            assertThat(out.readLine()).as("nothing printed after the ready line").isNull();
            assertThat(err.get(5, TimeUnit.SECONDS)).as("stderr").isEmpty();
            assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", port), 2000))
                    .isInstanceOf(ConnectException.class);
        } finally {
            sandbox.destroyForcibly();
        }
    }

    @Test
    void aTakenPortIsAnErrorThatLeavesNothingRunning() throws IOException {
        long simulatorsBefore = simulatorThreads();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Cli.Result result = Cli.run("sandbox", "--kubeconfig", dir.resolve("kubeconfig").toString(),
                    "--port", Integer.toString(taken.getLocalPort()), "--pods", "20", "--namespaces", "2");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("error: Cannot start the sandbox API server on 127.0.0.1:"
                    + taken.getLocalPort() + ": ").doesNotContain("\tat ").hasLineCount(1);
        }
        Eventually.until("the simulator threads to end", () -> simulatorThreads() <= simulatorsBefore);
    }

    private static long simulatorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("podscope-sim")).count();
    }
}
