package dev.podscope.cli;

import dev.podscope.sandbox.SandboxTls;
import dev.podscope.sandbox.api.AccessPolicy;
import dev.podscope.session.TestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a command can fail before it has pods to show: one line on stderr that starts with "error: " and names
 * the file, context or server, exit code 1, and a stack trace only with --verbose.
 */
class CliErrorsTest {
    @TempDir
    static Path dir;

    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start(new StaticCluster().store());
        cluster.addToken("shop-only", AccessPolicy.allowAll("jane").onlyNamespace("shop"));
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void aMissingKubeconfigFile() {
        Path missing = dir.resolve("no-such-kubeconfig.yaml");

        assertOneLineError(List.of("get", "pods", "--kubeconfig", missing.toString()),
                "error: kubeconfig " + missing + " not found");
        assertOneLineError(List.of("contexts", "--kubeconfig", missing.toString()),
                "error: kubeconfig " + missing + " not found");
    }

    @Test
    void aMalformedKubeconfigFile() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v1\nclusters: [\n  - name: a\n");

        String line = assertOneLineError(List.of("get", "pods", "--kubeconfig", broken.toString()), null);

        assertThat(line).startsWith("error: " + broken + ": ");
    }

    @Test
    void anUnknownContext() throws IOException {
        Path kubeconfig = cluster.kubeconfig(dir.resolve("known.yaml"), "known", "shop", TestCluster.ADMIN_TOKEN);

        assertOneLineError(List.of("get", "pods", "--kubeconfig", kubeconfig.toString(), "--context", "nope"),
                "error: context \"nope\" not found in kubeconfig (files: " + kubeconfig + ")");
    }

    @Test
    void anUnreachableServer() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String server = "https://127.0.0.1:" + closedPort;
        Path kubeconfig = TestCluster.writeKubeconfig(dir.resolve("unreachable.yaml"), server, TestCluster.caPem(),
                TestCluster.ADMIN_TOKEN, "gone", null);

        assertOneLineError(List.of("get", "pods", "--kubeconfig", kubeconfig.toString()),
                "error: Cannot connect to " + server + " (context \"gone\"): connection refused");
    }

    @Test
    void aServerCertificateThatTheKubeconfigsCaDidNotSign() throws IOException {
        Path kubeconfig = TestCluster.writeKubeconfig(dir.resolve("wrong-ca.yaml"), cluster.url(),
                SandboxTls.generate().caPem(), TestCluster.ADMIN_TOKEN, "impostor", "shop");

        String line = assertOneLineError(List.of("get", "pods", "--kubeconfig", kubeconfig.toString()), null);

        assertThat(line).isEqualTo("error: TLS verification failed for " + cluster.url() + " (context \"impostor\"):"
                + " certificate signed by unknown authority; check certificate-authority in the kubeconfig");
    }

    @Test
    void rejectedCredentials() throws IOException {
        Path kubeconfig = cluster.kubeconfig(dir.resolve("wrong-token.yaml"), "stale", "shop", "expired-token");

        assertOneLineError(List.of("get", "pods", "--kubeconfig", kubeconfig.toString()),
                "error: Unauthorized (401): " + cluster.url() + " rejected the credentials of context \"stale\";"
                        + " refresh them (e.g. log in again) and retry");
    }

    @Test
    void missingRights() throws IOException {
        Path kubeconfig = cluster.kubeconfig(dir.resolve("shop-only.yaml"), "jane", "shop", "shop-only");

        assertOneLineError(List.of("get", "pods", "-A", "--kubeconfig", kubeconfig.toString()),
                "error: Forbidden (403) on " + cluster.url() + " for context \"jane\": pods is forbidden: User \"jane\""
                        + " cannot list resource \"pods\" in API group \"\" at the cluster scope");
        assertThat(Cli.run("get", "pods", "--kubeconfig", kubeconfig.toString()).exitCode())
                .as("the context's own namespace is allowed").isZero();
    }

    @Test
    void aMissingOrBrokenPodFile() throws IOException {
        Path missing = dir.resolve("no-such-pods.yaml");
        Path broken = Files.writeString(dir.resolve("broken-pods.yaml"), "kind: Pod\nmetadata: [\n");

        assertOneLineError(List.of("get", "pods", "-f", missing.toString()), "error: " + missing + ": no such file");
        String line = assertOneLineError(List.of("get", "pods", "-f", broken.toString()), null);
        assertThat(line).startsWith("error: " + broken + ": invalid YAML");
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path kubeconfig = cluster.kubeconfig(dir.resolve("verbose.yaml"), "stale", "shop", "expired-token");

        List<List<String>> commands = List.of(
                List.of("get", "pods", "--kubeconfig", kubeconfig.toString(), "--verbose"),
                List.of("get", "pods", "-v", "--kubeconfig", kubeconfig.toString()),
                List.of("--verbose", "get", "pods", "--kubeconfig", kubeconfig.toString()));
        for (List<String> command : commands) {
            Cli.Result result = Cli.run(command.toArray(String[]::new));

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("error: Unauthorized (401): ")
                    .contains("dev.podscope.session.ClusterException: Unauthorized (401)")
                    .contains("\tat dev.podscope.cli.ServerRequests.get(")
                    .contains("Caused by: io.kubernetes.client.openapi.ApiException");
        }
    }

    /**
     * Runs podscope and checks the failure's shape; returns the one stderr line (checked against {@code expected}
     * unless that is null).
     */
    private static String assertOneLineError(List<String> args, String expected) {
        Cli.Result result = Cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as("exit code of %s; stderr: %s", args, result.err()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        List<String> lines = new ArrayList<>(result.err().lines().toList());
        assertThat(lines).as("stderr of %s", args).hasSize(1);
        assertThat(result.err()).endsWith("\n").doesNotContain("\tat ").doesNotContain("Exception");
        String line = lines.getFirst();
        assertThat(line).startsWith("error: ");
        if (expected != null) {
            assertThat(line).isEqualTo(expected);
        }
        return line;
    }
}
