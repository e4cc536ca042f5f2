package dev.podscope.diagnosis;

import dev.podscope.metrics.ContainerUsage;
import dev.podscope.metrics.PodName;
import dev.podscope.metrics.PodUsage;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sandbox cannot show on demand: the memory usage next to the limit (metrics need a container that runs
 * longer than a metrics window), and which log lines a crash quotes.
 */
class DiagnosisWordingTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void outOfMemoryComparesTheLastUsageWithTheLimit() {
        V1Pod pod = new V1Pod().metadata(new V1ObjectMeta().name("cache").namespace("shop"))
                .spec(new V1PodSpec().containers(List.of(new V1Container().name("cache").image("redis:7")
                        .resources(new V1ResourceRequirements().limits(Map.of("memory", Quantity.fromString("256Mi")))))))
                .status(new V1PodStatus().phase("Running").containerStatuses(List.of(new V1ContainerStatus()
                        .name("cache").ready(false).restartCount(2)
                        .state(new V1ContainerState().waiting(new V1ContainerStateWaiting().reason("CrashLoopBackOff")))
                        .lastState(new V1ContainerState().terminated(new V1ContainerStateTerminated().exitCode(137)
                                .reason("OOMKilled"))))));
        PodUsage usage = new PodUsage(new PodName("shop", "cache"), NOW, Duration.ofSeconds(15),
                List.of(new ContainerUsage("cache", 5_000_000, 250L * 1024 * 1024)));

        Diagnosis d = PodDiagnosis.explain(pod, List.of(), List.of(), usage, NOW).orElseThrow();

        assertThat(d.headline()).isEqualTo("Container cache was killed for running out of memory (limit 256Mi);"
                + " restarted 2 times");
        assertThat(d.details()).contains("Last memory usage 250Mi of its 256Mi limit (98%).");
    }

    @Test
    void aCrashQuotesTheExceptionNotItsStackFrames() {
        List<String> log = List.of("starting", "Exception in thread \"main\" java.lang.IllegalStateException: no db",
                "\tat com.example.Main.main(Main.java:10)", "Caused by: java.net.ConnectException: refused",
                "\tat java.base/java.net.Socket.connect(Socket.java:751)", "\t... 3 more", "");

        assertThat(LogTail.telling(log, 5)).containsExactly("starting",
                "Exception in thread \"main\" java.lang.IllegalStateException: no db",
                "Caused by: java.net.ConnectException: refused");
        assertThat(LogTail.telling(log, 2)).containsExactly(
                "Exception in thread \"main\" java.lang.IllegalStateException: no db",
                "Caused by: java.net.ConnectException: refused");
    }

    @Test
    void aSucceededOrReadyPodNeedsNoExplanation() {
        V1Pod done = new V1Pod().metadata(new V1ObjectMeta().name("job")).status(new V1PodStatus().phase("Succeeded"));

        assertThat(PodDiagnosis.fromStatus(done, NOW)).isEmpty();
    }
}
