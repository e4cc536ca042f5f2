package dev.podscope.cli;

import dev.podscope.sandbox.PodStateFixtures;
import dev.podscope.sandbox.SandboxFixtures;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code podscope logs} against {@code kubectl logs} byte for byte, on a sandbox whose clock stands still (so both
 * read the same lines, since and tail included).
 */
class LogsCommandTest {
    @TempDir
    static Path dir;
    private static KubectlComparison cluster;

    @BeforeAll
    static void start() throws Exception {
        ClusterStore store = new ClusterStore(Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC),
                1000, 42);
        SandboxFixtures.emptyCluster(1).list(Resources.NAMESPACES, null).items()
                .forEach(ns -> store.create(Resources.NAMESPACES, ns.object()));
        store.create(Resources.PODS, SandboxFixtures.runningPod("shop", "web-0", "node-1", Map.of("app", "web")));
        store.create(Resources.PODS, PodStateFixtures.crashLooping("shop", "checkout-7d9c5", "node-1", 3));
        store.create(Resources.PODS, PodStateFixtures.twoContainers("shop", "api-5f6b8", "node-2"));
        store.create(Resources.PODS, PodStateFixtures.oomKilled("shop", "import-orders", "node-1"));
        store.create(Resources.PODS, finished(PodStateFixtures.twoContainers("shop", "batch-77", "node-2")));
        V1Pod annotated = PodStateFixtures.twoContainers("shop", "api-annotated", "node-2");
        annotated.getMetadata().annotations(Map.of("kubectl.kubernetes.io/default-container", "metrics-agent"));
        store.create(Resources.PODS, annotated);
        store.create(Resources.DEPLOYMENTS, new V1Deployment().apiVersion("apps/v1").kind("Deployment")
                .metadata(new V1ObjectMeta().namespace("shop").name("cart"))
                .spec(new V1DeploymentSpec().selector(new V1LabelSelector().matchLabels(Map.of("app", "cart")))
                        .template(new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(Map.of("app", "cart"))))));
        for (int i = 0; i < 2; i++) {
            V1Pod pod = SandboxFixtures.runningPod("shop", "cart-" + i, "node-2", Map.of("app", "cart"));
            pod.getSpec().getContainers().getFirst().image("registry.example.com/shop/cart:v1.8.0");
            pod.getStatus().getContainerStatuses().getFirst().restartCount(i * 2);
            store.create(Resources.PODS, pod);
        }
        cluster = KubectlComparison.start(store, dir, "frozen", "shop");
    }

    /** Both app containers of the pod have finished, so following them ends. */
    private static V1Pod finished(V1Pod pod) {
        pod.getStatus().getContainerStatuses().forEach(s -> {
            var started = s.getState().getRunning().getStartedAt();
            s.state(new V1ContainerState().terminated(new V1ContainerStateTerminated().exitCode(0).reason("Completed")
                    .startedAt(started).finishedAt(started.plusMinutes(3))));
        });
        return pod;
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    static Stream<List<String>> commands() {
        return Stream.of(
                List.of("logs", "web-0"),
                List.of("logs", "pod/web-0", "--timestamps", "--tail", "20"),
                List.of("logs", "web-0", "--since", "2m"),
                List.of("logs", "web-0", "--since=90s", "--timestamps"),
                List.of("logs", "web-0", "--limit-bytes", "500"),
                List.of("logs", "api-5f6b8"),
                List.of("logs", "api-annotated", "--tail=3"),
                List.of("logs", "api-5f6b8", "-c", "setup"),
                List.of("logs", "checkout-7d9c5", "--previous"),
                List.of("logs", "checkout-7d9c5", "-p", "--tail", "3", "--prefix"),
                List.of("logs", "checkout-7d9c5", "-f"),
                List.of("logs", "import-orders", "-f", "--timestamps"),
                List.of("logs", "-n", "shop", "batch-77", "-c", "metrics-agent", "-f", "--prefix"),
                List.of("logs", "deploy/cart", "--tail", "4"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void printsWhatKubectlPrints(List<String> command) {
        Cli.Result kubectl = cluster.kubectl(command);
        Cli.Result podscope = cluster.podscope(command);
        assertThat(kubectl.exitCode()).as(kubectl.err()).isZero();
        assertThat(podscope.exitCode()).as(podscope.err()).isZero();
        assertThat(podscope.out()).isNotEmpty().isEqualTo(kubectl.out());
        assertThat(podscope.err()).isEqualTo(kubectl.err());
    }

    /** kubectl visits the containers in Go map order (random); podscope goes init containers first, as the pod runs. */
    @ParameterizedTest
    @MethodSource("allContainers")
    void printsTheSameLogsOfAllContainersAsKubectl(List<String> command) {
        Cli.Result kubectl = cluster.kubectl(command);
        Cli.Result podscope = cluster.podscope(command);
        assertThat(podscope.exitCode()).as(podscope.err()).isZero();
        for (String c : List.of("setup", "app", "metrics-agent")) {
            String tag = "[pod/api-5f6b8/" + c + "] ";
            assertThat(podscope.out().lines().filter(l -> l.startsWith(tag)).toList())
                    .isNotEmpty().isEqualTo(kubectl.out().lines().filter(l -> l.startsWith(tag)).toList());
        }
        assertThat(podscope.out().lines().count()).isEqualTo(kubectl.out().lines().count());
        assertThat(podscope.out()).startsWith("[pod/api-5f6b8/setup] ");
    }

    static Stream<List<String>> allContainers() {
        return Stream.of(List.of("logs", "api-5f6b8", "--all-containers", "--prefix", "--tail", "5"),
                List.of("logs", "api-5f6b8", "--all-containers", "--prefix", "--timestamps"));
    }

    @Test
    void followsAllContainersAtOnceWithPrefixes() {
        List<String> command = List.of("logs", "batch-77", "--all-containers", "-f", "--prefix");
        Cli.Result kubectl = cluster.kubectl(command);
        Cli.Result podscope = cluster.podscope(command);
        assertThat(podscope.exitCode()).as(podscope.err()).isZero();
        // the logs are read in parallel, so only the order within each container is fixed
        assertThat(podscope.out().lines().sorted().toList()).isEqualTo(kubectl.out().lines().sorted().toList());
        for (String c : List.of("setup", "app", "metrics-agent")) {
            String tag = "[pod/batch-77/" + c + "] ";
            assertThat(podscope.out().lines().filter(l -> l.startsWith(tag)).toList())
                    .isNotEmpty().isEqualTo(kubectl.out().lines().filter(l -> l.startsWith(tag)).toList());
        }
    }

    @Test
    void failsWithOneLineWhereKubectlFails() {
        Cli.Result missing = cluster.podscope(List.of("logs", "nope"));
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("error: pods \"nope\" not found in namespace \"shop\"\n");
        Cli.Result noPrevious = cluster.podscope(List.of("logs", "web-0", "--previous"));
        assertThat(noPrevious.exitCode()).isEqualTo(1);
        assertThat(noPrevious.err()).isEqualTo("error: No previous instance of container \"app\" of pod shop/web-0:"
                + " it has not restarted (or its old log is gone)\n");
        Cli.Result badContainer = cluster.podscope(List.of("logs", "web-0", "-c", "db"));
        assertThat(badContainer.err()).isEqualTo("error: container db is not valid for pod web-0\n");
        assertThat(cluster.kubectl(List.of("logs", "web-0", "-c", "db")).err()).contains("container db is not valid for pod web-0");
    }
}
