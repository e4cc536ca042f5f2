package dev.podscope.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podscope.sandbox.sim.ClusterSimulator;
import dev.podscope.sandbox.sim.Scenario;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kubectl top} 1.32 against the sandbox's metrics.k8s.io API, on the simulated demo cluster with its clock
 * stopped, so that kubectl and a plain request see the same 15-second window.
 */
class SandboxTopKubectlTest {
    private static final BigDecimal MIB = BigDecimal.valueOf(1024 * 1024);
    private static final Instant STOPPED = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path tempDir;
    private ClusterSimulator simulator;
    private RunningSandbox sandbox;
    private Kubectl kubectl;
    private RawHttp http;

    @BeforeEach
    void start() throws Exception {
        ClusterStore store = new ClusterStore(Clock.fixed(STOPPED, ZoneOffset.UTC), 50_000, 42);
        simulator = ClusterSimulator.start(store, new SimulatorOptions().withTimeScale(10_000));
        sandbox = new RunningSandbox(store, tempDir);
        kubectl = new Kubectl(sandbox.kubeconfig(), tempDir.resolve("home"));
        http = new RawHttp(sandbox.server());
    }

    @AfterEach
    void stop() {
        sandbox.close();
        simulator.stop();
    }

    @Test
    void topPodShowsTheRunningPodsOfTheNamespace() throws Exception {
        Kubectl.Result result = kubectl.run("top", "pod", "-n", "shop");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(cells(result.lines().getFirst())).containsExactly("NAME", "CPU(cores)", "MEMORY(bytes)");
        List<List<String>> expected = rows(json("/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods"), false);
        assertThat(result.lines().subList(1, result.lines().size())).extracting(SandboxTopKubectlTest::cells)
                .isEqualTo(expected);
        List<String> withRunningContainers = sandbox.store().list(Resources.PODS, "shop").items().stream()
                .map(StoredObject::object).filter(SandboxTopKubectlTest::hasRunWholeWindow)
                .map(p -> p.getMetadata().getName()).toList();
        assertThat(expected).extracting(List::getFirst).isEqualTo(withRunningContainers)
                .anyMatch(name -> name.startsWith("frontend-"));
    }

    @Test
    void topPodOfAllNamespaces() throws Exception {
        Kubectl.Result result = kubectl.run("top", "pod", "-A");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(cells(result.lines().getFirst()))
                .containsExactly("NAMESPACE", "NAME", "CPU(cores)", "MEMORY(bytes)");
        List<List<String>> expected = rows(json("/apis/metrics.k8s.io/v1beta1/pods"), true);
        assertThat(result.lines().subList(1, result.lines().size())).extracting(SandboxTopKubectlTest::cells)
                .isEqualTo(expected);
        assertThat(expected).extracting(List::getFirst).contains("default", "kube-system", "shop", "data");
    }

    @Test
    void topPodWithContainersListsSidecars() throws Exception {
        String frontend = simulator.scenarioPod(Scenario.SIDECAR).name();
        Kubectl.Result result = kubectl.run("top", "pod", frontend, "--containers");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.lines()).extracting(line -> cells(line).subList(0, 2))
                .containsExactly(List.of("POD", "NAME"), List.of(frontend, "frontend"),
                        List.of(frontend, "log-shipper"));
    }

    @Test
    void aPodWithoutRunningContainersHasNoMetrics() throws Exception {
        String pending = simulator.scenarioPod(Scenario.UNSCHEDULABLE).name();
        Kubectl.Result notRunning = kubectl.run("top", "pod", pending, "-n", "data");
        assertThat(notRunning.exitCode()).isEqualTo(1);
        assertThat(notRunning.err().strip())
                .isEqualTo("Error from server (NotFound): pods \"" + pending + "\" not found");

        sandbox.store().create(Resources.PODS,
                PodStateFixtures.crashLooping("shop", "checkout-0", "sandbox-worker-1", 2));
        Kubectl.Result crashing = kubectl.run("top", "pod", "checkout-0");
        assertThat(crashing.exitCode()).isEqualTo(1);
        assertThat(crashing.err().strip())
                .isEqualTo("Error from server (NotFound): podmetrics.metrics.k8s.io \"shop/checkout-0\" not found");
    }

    @Test
    void topNodeShowsUsageAndShareOfAllocatable() throws Exception {
        Kubectl.Result result = kubectl.run("top", "node");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(cells(result.lines().getFirst()))
                .containsExactly("NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)");
        List<List<String>> expected = new ArrayList<>();
        for (JsonNode item : json("/apis/metrics.k8s.io/v1beta1/nodes").get("items")) {
            String name = item.at("/metadata/name").asText();
            var allocatable = sandbox.store().get(Resources.NODES, null, name).orElseThrow().object().getStatus()
                    .getAllocatable();
            BigDecimal cpu = Quantity.fromString(item.at("/usage/cpu").asText()).getNumber();
            BigDecimal memory = Quantity.fromString(item.at("/usage/memory").asText()).getNumber();
            expected.add(List.of(name, millis(cpu) + "m", percent(cpu, allocatable.get("cpu")),
                    memory.divideToIntegralValue(MIB).longValue() + "Mi", percent(memory, allocatable.get("memory"))));
        }
        assertThat(expected).extracting(List::getFirst)
                .containsExactly("sandbox-control-plane", "sandbox-worker-1", "sandbox-worker-2");
        // the lost node reports nothing to metrics-server: kubectl lists it without figures
        expected.add(List.of("sandbox-worker-3", "<unknown>", "<unknown>", "<unknown>", "<unknown>"));
        assertThat(result.lines().subList(1, result.lines().size())).extracting(SandboxTopKubectlTest::cells)
                .isEqualTo(expected);
    }

    @Test
    void discoveryListsTheMetricsApi() throws Exception {
        JsonNode groups = json("/apis");
        assertThat(groups.get("groups")).anyMatch(g -> g.get("name").asText().equals("metrics.k8s.io")
                && g.at("/preferredVersion/groupVersion").asText().equals("metrics.k8s.io/v1beta1"));
        JsonNode resources = json("/apis/metrics.k8s.io/v1beta1").get("resources");
        assertThat(resources).extracting(r -> r.get("name").asText() + " " + r.get("kind").asText() + " "
                        + r.get("namespaced").asBoolean() + " " + r.get("verbs"))
                .containsExactlyInAnyOrder("pods PodMetrics true [\"get\",\"list\"]",
                        "nodes NodeMetrics false [\"get\",\"list\"]");
    }

    @Test
    void podMetricsAreWrittenAsMetricsServerWritesThem() throws Exception {
        String web = simulator.scenarioPod(Scenario.RUNNING).name();
        JsonNode metrics = json("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/" + web);
        assertThat(metrics.get("kind").asText()).isEqualTo("PodMetrics");
        assertThat(metrics.get("apiVersion").asText()).isEqualTo("metrics.k8s.io/v1beta1");
        assertThat(metrics.at("/metadata/labels/app").asText()).isEqualTo("web");
        assertThat(metrics.get("window").asText()).isEqualTo("15s");
        Instant timestamp = Instant.parse(metrics.get("timestamp").asText());
        assertThat(timestamp.getEpochSecond() % 15).isZero();
        JsonNode usage = metrics.at("/containers/0/usage");
        assertThat(usage.get("cpu").asText()).matches("\\d+[num]?");
        assertThat(usage.get("memory").asText()).matches("\\d+(Ki|Mi|Gi)");
    }

    /** The rows kubectl top prints for a PodMetricsList: CPU rounded up to millicores, memory down to Mi. */
    private static List<List<String>> rows(JsonNode list, boolean withNamespace) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode item : list.get("items")) {
            BigDecimal cpu = BigDecimal.ZERO;
            BigDecimal memory = BigDecimal.ZERO;
            for (JsonNode container : item.get("containers")) {
                cpu = cpu.add(Quantity.fromString(container.at("/usage/cpu").asText()).getNumber());
                memory = memory.add(Quantity.fromString(container.at("/usage/memory").asText()).getNumber());
            }
            List<String> row = new ArrayList<>();
            if (withNamespace) {
                row.add(item.at("/metadata/namespace").asText());
            }
            row.addAll(List.of(item.at("/metadata/name").asText(), millis(cpu) + "m",
                    memory.divideToIntegralValue(MIB).longValue() + "Mi"));
            rows.add(row);
        }
        return rows;
    }

    /** Go's Quantity.MilliValue, which rounds up. */
    private static long millis(BigDecimal value) {
        return value.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    private static String percent(BigDecimal used, Quantity available) {
        double fraction = (double) millis(used) / millis(available.getNumber()) * 100;
        return (long) fraction + "%";
    }

    /** metrics-server's rule: a Running pod with a container that has run for a whole window by the last scrape. */
    private static boolean hasRunWholeWindow(V1Pod pod) {
        Instant window = Instant.ofEpochSecond(STOPPED.getEpochSecond() / 15 * 15);
        List<V1ContainerStatus> statuses = pod.getStatus().getContainerStatuses();
        return "Running".equals(pod.getStatus().getPhase()) && statuses != null && statuses.stream()
                .anyMatch(cs -> cs.getState() != null && cs.getState().getRunning() != null
                        && !cs.getState().getRunning().getStartedAt().toInstant().plusSeconds(15).isAfter(window));
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = http.get(path, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RawHttp.json(response.body());
    }

    private static List<String> cells(String line) {
        return List.of(line.trim().split("\\s+"));
    }
}
