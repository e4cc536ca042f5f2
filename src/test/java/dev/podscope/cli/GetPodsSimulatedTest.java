package dev.podscope.cli;

import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import dev.podscope.format.WireJson;
import io.kubernetes.client.common.KubernetesObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's pods (init containers, sidecars, jobs, crash loops, pending pods) frozen in a store whose clock
 * stands still, so that kubectl and podscope can be compared byte for byte on realistic variety without the
 * simulator changing a pod, or the clock an AGE, between the two runs.
 */
class GetPodsSimulatedTest {
    @TempDir
    static Path dir;

    private static KubectlComparison cluster;

    @BeforeAll
    static void freezeASimulatedCluster() throws IOException {
        ClusterStore frozen;
        try (Sandbox sandbox = Sandbox.start(0, new SimulatorOptions().withSeed(7).withPods(150).withNamespaces(8))) {
            ClusterStore live = sandbox.store();
            frozen = new ClusterStore(Clock.fixed(live.clock().instant().truncatedTo(ChronoUnit.SECONDS),
                    ZoneOffset.UTC), 10_000, 7);
            copy(live, frozen, Resources.NAMESPACES);
            copy(live, frozen, Resources.NODES);
            copy(live, frozen, Resources.PODS);
        }
        cluster = KubectlComparison.start(frozen, dir, "frozen", "shop");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    static Stream<List<String>> commands() {
        return Stream.of(
                List.of("get", "pods", "-A"),
                List.of("get", "pods", "-A", "-o", "wide"),
                List.of("get", "pods"),
                List.of("get", "pods", "-n", "kube-system", "-o", "wide"),
                List.of("get", "pods", "-n", "batch"),
                List.of("get", "pods", "-n", "data", "-o", "yaml"),
                List.of("get", "pods", "-A", "-o", "json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void printsExactlyWhatKubectlPrints(List<String> command) {
        Cli.Result expected = cluster.kubectl(command);
        Cli.Result actual = cluster.podscope(command);

        assertThat(expected.exitCode()).as(expected.err()).isZero();
        assertThat(expected.out()).isNotEmpty();
        assertThat(actual).isEqualTo(expected);
    }

    private static <T extends KubernetesObject> void copy(ClusterStore from, ClusterStore to, ResourceType<T> type) {
        for (StoredObject<T> stored : from.list(type, null).items()) {
            T object = WireJson.gson().fromJson(new String(stored.json(), StandardCharsets.UTF_8), type.javaType());
            to.create(type, object);
        }
    }
}
