package dev.podscope.pods;

import dev.podscope.metrics.ContainerUsage;
import dev.podscope.metrics.MetricsPoll;
import dev.podscope.metrics.MetricsStatus;
import dev.podscope.metrics.PodName;
import dev.podscope.metrics.PodUsage;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** CPU and MEMORY in the table's view-model: applied per poll, kept in order when sorted by them. */
class PodTableMetricsViewModelTest {
    private final PodTableViewModel model = new PodTableViewModel(Clock.fixed(TestPods.NOW, ZoneOffset.UTC));

    @Test
    void aPollFillsTheRowsAndKeepsACpuOrder() {
        model.apply(reset(pod("a"), pod("b"), pod("c"), pod("d")));
        model.sortBy(PodColumn.CPU.descendingOrder());
        model.applyMetrics(poll(Map.of("a", 10L, "b", 30L, "c", 20L)));
        assertThat(model.metricsShownProperty().get()).isTrue();
        assertThat(names()).containsExactly("b", "c", "a", "d");
        assertThat(PodColumn.CPU.usageText(model.row(new PodKey("shop", "b")).usage())).isEqualTo("30m");
        assertThat(PodColumn.MEMORY.usageText(model.row(new PodKey("shop", "b")).usage())).isEqualTo("30Mi");
        assertThat(PodColumn.CPU.usageText(model.row(new PodKey("shop", "d")).usage())).isEmpty();

        model.applyMetrics(poll(Map.of("a", 50L, "b", 30L, "c", 20L, "d", 1L)));
        assertThat(names()).containsExactly("a", "b", "c", "d");

        model.sortBy(PodColumn.MEMORY.order());
        assertThat(names()).containsExactly("d", "c", "b", "a");
    }

    @Test
    void aPodArrivingAfterThePollHasItsSampleAndColumnsGoWithTheApi() {
        model.apply(reset(pod("a")));
        model.applyMetrics(poll(Map.of("a", 10L, "late", 40L)));
        model.apply(new PodBatch(null, Set.of(), Map.of(PodKey.of(pod("late")), PrintedPod.of(pod("late"),
                TestPods.NOW)), null, null));
        assertThat(model.row(new PodKey("shop", "late")).usage().nanoCores()).isEqualTo(40_000_000L);

        model.applyMetrics(new MetricsPoll(2, MetricsStatus.ABSENT, Map.of()));
        assertThat(model.metricsShownProperty().get()).isFalse();
        assertThat(model.row(new PodKey("shop", "a")).usage()).isNull();
    }

    /** Each pod uses {@code millicores} of CPU and as many MiB. */
    private static MetricsPoll poll(Map<String, Long> millicores) {
        Map<PodName, PodUsage> pods = new java.util.HashMap<>();
        millicores.forEach((name, m) -> {
            PodName pod = new PodName("shop", name);
            pods.put(pod, new PodUsage(pod, TestPods.NOW, Duration.ofSeconds(15),
                    List.of(new ContainerUsage("app", m * 1_000_000L, m * 1024 * 1024))));
        });
        return new MetricsPoll(1, MetricsStatus.AVAILABLE, pods);
    }

    private List<String> names() {
        return model.rows().stream().map(r -> r.key().name()).toList();
    }

    private static V1Pod pod(String name) {
        return TestPods.running("shop", name, Map.of(), 0, 60);
    }

    private static PodBatch reset(V1Pod... pods) {
        return new PodBatch(Stream.of(pods).map(p -> PrintedPod.of(p, TestPods.NOW)).toList(), Set.of(), Map.of(),
                null, null);
    }
}
