package dev.podscope.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code podscope get pods} against the sandbox API server, byte for byte against {@code kubectl get pods} on the
 * same kubeconfig. The store's clock stands still, so AGE and RESTARTS cells cannot tick between the two runs.
 */
class GetPodsCommandTest {
    @TempDir
    static Path dir;

    private static KubectlComparison cluster;

    @BeforeAll
    static void startCluster() throws IOException {
        cluster = KubectlComparison.start(new StaticCluster().store(), dir, "static", "shop");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    static Stream<List<String>> kubectlCommands() {
        return Stream.of(
                List.of("get", "pods"),
                List.of("get", "po", "-n", "default"),
                List.of("get", "pod", "-n", "kube-system", "-o", "wide"),
                List.of("get", "pods", "-A"),
                List.of("get", "pods", "-o", "wide"),
                List.of("get", "pods", "--all-namespaces", "-o", "wide"),
                List.of("get", "pods", "-l", "app=web"),
                List.of("get", "pods", "-l", "tier!=front"),
                List.of("get", "pods", "-l", "app in (web,cart)", "-o", "wide"),
                List.of("get", "pods", "-A", "-l", "app"),
                List.of("get", "pods", "web-7d4b9c5f6d-x2kqp"),
                List.of("get", "pods", "web-7d4b9c5f6d-q8zfn", "db-0", "legacy-api-0"),
                List.of("get", "pods", "search-6b9d8c7f5-tt4rp", "-o", "wide"),
                List.of("get", "pods", "orders-0", "-o", "json"),
                List.of("get", "pods", "cart-5c8f7b6d9-lm2nw", "-o", "yaml"),
                List.of("get", "pods", "-o", "json"),
                List.of("get", "pods", "-n", "default", "-o", "yaml"),
                List.of("get", "pods", "-A", "-l", "app=web", "-o", "yaml"),
                List.of("get", "pods", "db-0", "orders-0", "-o", "json"),
                List.of("get", "pods", "-n", "quiet"),
                List.of("get", "pods", "-l", "app=nothing"),
                List.of("get", "pods", "-n", "quiet", "-o", "json"),
                List.of("get", "pods", "-n", "quiet", "-o", "yaml"),
                List.of("get", "pods", "-n", "no-such-namespace"),
                List.of("get", "pods", "-n", "default", "-A"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kubectlCommands")
    void printsExactlyWhatKubectlPrints(List<String> command) {
        String[] args = cluster.args(command);

        Cli.Result expected = cluster.kubectl(args);
        Cli.Result actual = Cli.run(args);

        assertThat(expected.exitCode()).as("kubectl's exit code; stderr: %s", expected.err()).isZero();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void anEmptyNamespaceIsReportedOnStderrOnly() {
        Cli.Result result = cluster.podscope(List.of("get", "pods", "-n", "quiet"));

        assertThat(result).isEqualTo(new Cli.Result(0, "", "No resources found in quiet namespace.\n"));
    }

    static Stream<List<String>> failingCommands() {
        return Stream.of(
                List.of("get", "pods", "missing"),
                List.of("get", "pods", "db-0", "missing", "orders-0"),
                List.of("get", "pods", "missing", "gone", "-o", "wide"),
                List.of("get", "pods", "missing", "-o", "json"),
                List.of("get", "pods", "db-0", "missing", "-o", "yaml"),
                List.of("get", "pods", "db-0", "-A"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingCommands")
    void failsAsKubectlFails(List<String> command) {
        String[] args = cluster.args(command);

        Cli.Result expected = cluster.kubectl(args);
        Cli.Result actual = Cli.run(args);

        assertThat(expected.exitCode()).isEqualTo(1);
        assertThat(actual).isEqualTo(expected);
    }
}
