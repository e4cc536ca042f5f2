package dev.podscope.sandbox.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podscope.sandbox.PodStateFixtures;
import dev.podscope.sandbox.SandboxFixtures;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MIB = 1024 * 1024;

    private final Instant now = Instant.now();

    @Test
    void onlyRunningContainersThatRanAWindowHaveMetrics() throws IOException {
        ResourceMetrics metrics = metricsAt(now);
        assertThat(metrics.podMetrics(PodStateFixtures.crashLooping("shop", "checkout", "node-1", 2))).isEmpty();
        assertThat(metrics.podMetrics(PodStateFixtures.waiting("shop", "payments", "node-1", "ErrImagePull")))
                .isEmpty();
        assertThat(metrics.podMetrics(PodStateFixtures.oomKilled("batch", "import", "node-1"))).isEmpty();

        V1Pod fresh = pod("web-0", "app", "nginx:1.27", Duration.ofSeconds(5), "100m", "64Mi", "128Mi");
        assertThat(metrics.podMetrics(fresh)).isEmpty();
        assertThat(metricsAt(now.plusSeconds(30)).podMetrics(fresh)).isPresent();

        JsonNode twoContainers = json(metrics.podMetrics(PodStateFixtures.twoContainers("shop", "api", "node-1")));
        assertThat(twoContainers.get("containers")).extracting(c -> c.get("name").asText())
                .containsExactly("app", "metrics-agent");
    }

    @Test
    void theSameWindowGivesTheSameUsageAndTheNextWindowOther() throws IOException {
        V1Pod pod = pod("cart-1", "cart", "registry.example.com/shop/cart:v1", Duration.ofHours(3), "200m", "128Mi",
                "256Mi");
        Instant window = Instant.ofEpochSecond(now.getEpochSecond() / 15 * 15);
        JsonNode first = json(metricsAt(window.plusSeconds(1)).podMetrics(pod));
        JsonNode again = json(metricsAt(window.plusSeconds(14)).podMetrics(pod));
        JsonNode next = json(metricsAt(window.plusSeconds(15)).podMetrics(pod));
        assertThat(again.get("containers")).isEqualTo(first.get("containers"));
        assertThat(first.get("timestamp").asText()).isEqualTo(window.toString());
        assertThat(next.get("containers")).isNotEqualTo(first.get("containers"));
    }

    @Test
    void usageStaysUnderTheLimits() throws IOException {
        for (String app : List.of("orders", "ledger", "search", "mailer", "geo", "rates", "tracking", "media")) {
            V1Pod pod = pod(app + "-1", app, "registry.example.com/x/" + app + ":v1", Duration.ofDays(20), "250m",
                    "128Mi", "256Mi");
            pod.getSpec().getContainers().getFirst().getResources().putLimitsItem("cpu", Quantity.fromString("300m"));
            for (int window = 0; window < 200; window++) {
                Usage usage = usage(pod, now.plusSeconds(15L * window));
                assertThat(usage.nanoCores()).isPositive().isLessThanOrEqualTo(300_000_000L);
                assertThat(usage.bytes()).isPositive().isLessThanOrEqualTo(256 * MIB)
                        .isEqualTo(usage.bytes() / 4096 * 4096);
            }
        }
    }

    @Test
    void aGrowingWorkloadCreepsTowardItsMemoryLimit() {
        String app = appWithShape(UsageShape.GROWING);
        V1Pod young = pod(app + "-1", app, "registry.example.com/x/" + app + ":v1", Duration.ofMinutes(5), "100m",
                "128Mi", "512Mi");
        long early = usage(young, now).bytes();
        long later = usage(young, now.plus(Duration.ofHours(12))).bytes();
        long muchLater = usage(young, now.plus(Duration.ofDays(10))).bytes();
        assertThat(later).isGreaterThan(early);
        assertThat(muchLater).isGreaterThan(later).isGreaterThan(400 * MIB).isLessThanOrEqualTo(512 * MIB * 97 / 100);
    }

    @Test
    void aContainerOomKilledBeforeLeaksTowardItsLimitAgain() {
        String app = appWithShape(UsageShape.STEADY);
        V1Pod restarted = pod(app + "-1", app, "registry.example.com/x/" + app + ":v1", Duration.ofMinutes(1),
                "100m", "128Mi", "256Mi");
        restarted.getStatus().getContainerStatuses().getFirst().restartCount(3).lastState(new V1ContainerState()
                .terminated(new V1ContainerStateTerminated().exitCode(137).reason("OOMKilled")));
        long justRestarted = usage(restarted, now).bytes();
        long hoursLater = usage(restarted, now.plus(Duration.ofHours(4))).bytes();
        assertThat(justRestarted).isLessThan(200 * MIB);
        assertThat(hoursLater).isGreaterThan(215 * MIB).isLessThanOrEqualTo(256 * MIB); // 85 % of the limit or more
    }

    @Test
    void aSpikyWorkloadBurstsNowAndThen() {
        String app = appWithShape(UsageShape.SPIKY);
        V1Pod pod = pod(app + "-1", app, "registry.example.com/x/" + app + ":v1", Duration.ofDays(1), "100m",
                "128Mi", "512Mi");
        List<Long> cpu = IntStream.range(0, 400).mapToObj(i -> usage(pod, now.plusSeconds(15L * i)).nanoCores())
                .sorted().toList();
        assertThat(cpu.getLast()).isGreaterThan(2 * cpu.get(cpu.size() / 2));

        String steadyApp = appWithShape(UsageShape.STEADY);
        V1Pod steady = pod(steadyApp + "-1", steadyApp, "registry.example.com/x/a:v1", Duration.ofDays(1), "100m",
                "128Mi", "512Mi");
        List<Long> steadyCpu = IntStream.range(0, 400)
                .mapToObj(i -> usage(steady, now.plusSeconds(15L * i)).nanoCores()).sorted().toList();
        assertThat(steadyCpu.getLast()).isLessThan(2 * steadyCpu.get(steadyCpu.size() / 2));
    }

    @Test
    void aReadyNodeUsesWhatItsPodsUsePlusItsOwnShare() throws IOException {
        V1Pod pod = pod("web-0", "app", "nginx:1.27", Duration.ofHours(1), "500m", "256Mi", "512Mi");
        ResourceMetrics metrics = metricsAt(now);
        JsonNode podUsage = json(metrics.podMetrics(pod)).at("/containers/0/usage");
        JsonNode node = json(metrics.nodeMetrics(node("node-1", "True"), List.of(pod)));
        assertThat(node.get("kind").asText()).isEqualTo("NodeMetrics");
        assertThat(node.at("/metadata/namespace").isMissingNode()).isTrue();
        assertThat(quantity(node.at("/usage/cpu"))).isGreaterThan(quantity(podUsage.get("cpu")));
        assertThat(quantity(node.at("/usage/memory")))
                .isGreaterThan(quantity(podUsage.get("memory")).add(BigDecimal.valueOf(600 * MIB)));

        assertThat(metrics.nodeMetrics(node("node-2", "False"), List.of())).isEmpty();
    }

    @Test
    void listsHoldOnlyTheItemsWithMetrics() throws IOException {
        ResourceMetrics metrics = metricsAt(now);
        JsonNode list = JSON.readTree(metrics.podMetricsList(List.of(
                PodStateFixtures.crashLooping("shop", "checkout", "node-1", 2),
                SandboxFixtures.runningPod("shop", "web-0", "node-1", Map.of("app", "web")))));
        assertThat(list.get("kind").asText()).isEqualTo("PodMetricsList");
        assertThat(list.get("items")).extracting(i -> i.at("/metadata/name").asText()).containsExactly("web-0");
    }

    private static String appWithShape(UsageShape shape) {
        for (int i = 0; ; i++) {
            String app = "app-" + i;
            if (UsageShape.of(Seeds.of("shop/" + app + "/" + app)) == shape) {
                return app;
            }
        }
    }

    private static V1Pod pod(String name, String container, String image, Duration running, String cpu,
                             String memory, String memoryLimit) {
        V1Pod pod = SandboxFixtures.runningPod("shop", name, "node-1", Map.of("app", container));
        pod.getMetadata().uid("uid-" + name);
        V1Container spec = pod.getSpec().getContainers().getFirst().name(container).image(image)
                .resources(new V1ResourceRequirements()
                        .requests(Map.of("cpu", Quantity.fromString(cpu), "memory", Quantity.fromString(memory)))
                        .limits(new HashMap<>(Map.of("memory", Quantity.fromString(memoryLimit)))));
        pod.getStatus().getContainerStatuses().getFirst().name(spec.getName()).getState().getRunning()
                .startedAt(OffsetDateTime.ofInstant(Instant.now().minus(running), ZoneOffset.UTC));
        return pod;
    }

    private static V1Node node(String name, String ready) {
        return new V1Node().metadata(new V1ObjectMeta().name(name)).status(new V1NodeStatus()
                .capacity(Map.of("cpu", Quantity.fromString("8"), "memory", Quantity.fromString("16Gi")))
                .conditions(List.of(new V1NodeCondition().type("Ready").status(ready))));
    }

    private Usage usage(V1Pod pod, Instant at) {
        V1Container spec = pod.getSpec().getContainers().getFirst();
        return new UsageModel().container(pod, spec, pod.getStatus().getContainerStatuses().getFirst(), at)
                .orElseThrow();
    }

    private static ResourceMetrics metricsAt(Instant instant) {
        return new ResourceMetrics(Clock.fixed(instant, ZoneOffset.UTC));
    }

    private static JsonNode json(Optional<byte[]> document) throws IOException {
        assertThat(document).isPresent();
        return JSON.readTree(document.get());
    }

    private static BigDecimal quantity(JsonNode value) {
        return Quantity.fromString(value.asText()).getNumber();
    }
}
