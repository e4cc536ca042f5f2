package dev.podscope.diagnosis;

import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WHY column diagnoses every pod of the table from its status on each update: prints how long that takes for
 * a 10,000-pod cluster (a figure for the record, not a timed assertion).
 */
class PodDiagnosisSpeedTest {

    @Test
    void diagnosesTenThousandPodsFromTheirStatus() {
        List<V1Pod> pods;
        try (Sandbox sandbox = Sandbox.start(0, new SimulatorOptions().withPods(10_000).withNamespaces(20)
                .withTimeScale(10_000).withChurn(false))) {
            pods = sandbox.store().list(Resources.PODS, null).items().stream().map(StoredObject::object).toList();
        }
        Instant now = Instant.now();
        int unhealthy = 0;
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            unhealthy = count(pods, now);
        }
        long start = System.nanoTime();
        int runs = 5;
        for (int run = 0; run < runs; run++) {
            unhealthy = count(pods, now);
        }
        double millisPerPass = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("PodDiagnosis.fromStatus: %d pods (%d unhealthy) in %.1f ms per pass%n", pods.size(),
                unhealthy, millisPerPass);

        assertThat(pods).hasSize(10_000);
        assertThat(unhealthy).isBetween(10, 100);
    }

    private static int count(List<V1Pod> pods, Instant now) {
        int unhealthy = 0;
        for (V1Pod pod : pods) {
            if (PodDiagnosis.fromStatus(pod, now).isPresent()) {
                unhealthy++;
            }
        }
        return unhealthy;
    }
}
