package dev.podscope.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Lists longer than one 500-item page: podscope follows {@code continue} as kubectl does and prints one table. */
class GetPodsPagingTest {
    @TempDir
    static Path dir;

    private static KubectlComparison cluster;

    @BeforeAll
    static void startCluster() throws IOException {
        cluster = KubectlComparison.start(new StaticCluster().withBulkNamespace("bulk", 1234).store(), dir, "paged", "bulk");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    static Stream<List<String>> commands() {
        return Stream.of(
                List.of("get", "pods"),
                List.of("get", "pods", "-A", "-o", "wide"),
                List.of("get", "pods", "-l", "shard!=1"),
                List.of("get", "pods", "-o", "json"),
                List.of("get", "pods", "-l", "shard in (0,2)", "-o", "yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void printsExactlyWhatKubectlPrints(List<String> command) {
        Cli.Result expected = cluster.kubectl(command);
        Cli.Result actual = cluster.podscope(command);

        assertThat(expected.exitCode()).as(expected.err()).isZero();
        assertThat(actual.out().lines().count()).as("more than one page").isGreaterThan(500);
        assertThat(actual).isEqualTo(expected);
    }
}
