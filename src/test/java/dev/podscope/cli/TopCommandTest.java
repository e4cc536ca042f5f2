package dev.podscope.cli;

import dev.podscope.format.WireJson;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.api.AccessPolicy;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.common.KubernetesObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code podscope top} against kubectl 1.32 on the simulator's pods frozen in a store whose clock stands still, so
 * that both read the same metrics window: stdout, stderr and exit code must be identical.
 */
class TopCommandTest {
    @TempDir
    static Path dir;

    private static KubectlComparison cluster;
    private static String runningPod;

    @BeforeAll
    static void freezeASimulatedCluster() throws IOException {
        ClusterStore frozen;
        try (Sandbox sandbox = Sandbox.start(0, new SimulatorOptions().withSeed(11).withPods(120).withNamespaces(7))) {
            ClusterStore live = sandbox.store();
            frozen = new ClusterStore(Clock.fixed(live.clock().instant().truncatedTo(ChronoUnit.SECONDS),
                    ZoneOffset.UTC), 10_000, 11);
            copy(live, frozen, Resources.NAMESPACES);
            copy(live, frozen, Resources.NODES);
            copy(live, frozen, Resources.PODS);
        }
        cluster = KubectlComparison.start(frozen, Files.createDirectories(dir.resolve("admin")), "frozen", "shop");
        runningPod = frozen.list(Resources.PODS, "shop").items().stream().map(StoredObject::object)
                .filter(p -> "Running".equals(p.getStatus().getPhase()))
                .filter(p -> p.getMetadata().getName().startsWith("frontend-")).map(p -> p.getMetadata().getName())
                .findFirst().orElseThrow();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    static Stream<List<String>> commands() {
        return Stream.of(
                List.of("top", "pod", "-A"),
                List.of("top", "pod"),
                List.of("top", "pods", "-n", "kube-system", "--containers"),
                List.of("top", "pod", "-A", "--containers"),
                List.of("top", "pod", "-A", "--sum"),
                List.of("top", "pod", "-n", "data", "--no-headers", "--sum"),
                List.of("top", "pod", "-n", "shop", "-l", "app=frontend"),
                List.of("top", "pod", "-n", "no-such-namespace"),
                List.of("top", "pod", "no-such-pod"),
                List.of("top", "node"),
                List.of("top", "nodes", "--no-headers"),
                List.of("top", "node", "--show-capacity"),
                List.of("top", "node", "sandbox-worker-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void printsExactlyWhatKubectlPrints(List<String> command) {
        Cli.Result expected = cluster.kubectl(command);
        Cli.Result actual = cluster.podscope(command.stream()
                .map(arg -> arg.equals("pod") || arg.equals("node") ? arg + "s" : arg).toList());

        assertThat(expected.out() + expected.err()).isNotEmpty();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void oneNamedPodWithItsContainers() {
        List<String> command = List.of("top", "pod", runningPod, "--containers");
        Cli.Result expected = cluster.kubectl(command);

        assertThat(expected.exitCode()).as(expected.err()).isZero();
        assertThat(expected.out()).contains(runningPod);
        assertThat(cluster.podscope(command)).isEqualTo(expected);
    }

    @Test
    void forbiddenMetricsAreReportedAsKubectlReportsThem() throws IOException {
        cluster.cluster().addToken("viewer-token", AccessPolicy.allowAll("viewer")
                .deny("list", "pods.metrics.k8s.io", null).deny("list", "nodes.metrics.k8s.io", null));
        Path kubeconfig = cluster.cluster().kubeconfig(dir.resolve("viewer.yaml"), "viewer", "shop", "viewer-token");
        for (List<String> command : List.of(List.of("top", "pod"), List.of("top", "node"))) {
            String[] args = Stream.concat(command.stream(), Stream.of("--kubeconfig", kubeconfig.toString()))
                    .toArray(String[]::new);
            Cli.Result expected = cluster.kubectl(args);

            assertThat(expected.exitCode()).isEqualTo(1);
            assertThat(expected.err()).startsWith("Error from server (Forbidden): ");
            assertThat(Cli.run(args)).isEqualTo(expected);
        }
    }

    @Test
    void aClusterWithoutMetricsServer() throws IOException {
        try (KubectlComparison bare = KubectlComparison.start(cluster.cluster().store(), Files.createDirectories(dir.resolve("bare")), "bare",
                "shop")) {
            bare.cluster().metricsApi(false);
            for (List<String> command : List.of(List.of("top", "pod"), List.of("top", "node"))) {
                Cli.Result expected = bare.kubectl(command);

                assertThat(expected).isEqualTo(new Cli.Result(1, "", "error: Metrics API not available\n"));
                assertThat(bare.podscope(command)).isEqualTo(expected);
            }
        }
    }

    private static <T extends KubernetesObject> void copy(ClusterStore from, ClusterStore to, ResourceType<T> type) {
        for (StoredObject<T> stored : from.list(type, null).items()) {
            T object = WireJson.gson().fromJson(new String(stored.json(), StandardCharsets.UTF_8), type.javaType());
            to.create(type, object);
        }
    }
}
