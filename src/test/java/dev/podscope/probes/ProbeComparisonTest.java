package dev.podscope.probes;

import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Our run next to the kubelet's last word: the Ready condition, and Unhealthy events since the container started. */
class ProbeComparisonTest {
    private static final OffsetDateTime STARTED = OffsetDateTime.parse("2026-12-07T10:00:00Z");

    @Test
    void aLivenessFailureBeforeTheLastRestartIsHistory() {
        V1Pod pod = pod(true);
        CoreV1Event old = unhealthy("Liveness probe failed: HTTP probe failed with statuscode: 503", STARTED.minusMinutes(5));
        ProbeComparison comparison = ProbeComparison.of(pod, "app", ProbeKind.LIVENESS, result(true), List.of(old));
        assertThat(comparison.agrees()).isTrue();
        assertThat(comparison.lastUnhealthy()).startsWith("Liveness probe failed");
        CoreV1Event recent = unhealthy("Liveness probe failed: HTTP probe failed with statuscode: 503", STARTED.plusMinutes(5));
        assertThat(ProbeComparison.of(pod, "app", ProbeKind.LIVENESS, result(true), List.of(old, recent)).agrees()).isFalse();
    }

    @Test
    void readinessFollowsTheContainersReadyFlagAndIgnoresOtherKindsOfEvents() {
        CoreV1Event liveness = unhealthy("Liveness probe failed: x", STARTED.plusMinutes(1));
        ProbeComparison ready = ProbeComparison.of(pod(true), "app", ProbeKind.READINESS, result(true), List.of(liveness));
        assertThat(ready.agrees()).isTrue();
        assertThat(ready.lastUnhealthy()).isNull();
        assertThat(ready.summary()).isEqualTo("kubelet: Ready True, container ready true; no Unhealthy events — agrees with this run");
        ProbeComparison differs = ProbeComparison.of(pod(false), "app", ProbeKind.READINESS, result(true), List.of());
        assertThat(differs.agrees()).isFalse();
        assertThat(differs.summary()).endsWith("DIFFERS from this run");
    }

    private static V1Pod pod(boolean ready) {
        return new V1Pod().metadata(new V1ObjectMeta().namespace("ns").name("p"))
                .status(new V1PodStatus().conditions(List.of(new V1PodCondition().type("Ready").status(ready ? "True" : "False")))
                        .containerStatuses(List.of(new V1ContainerStatus().name("app").ready(ready)
                                .state(new V1ContainerState().running(new V1ContainerStateRunning().startedAt(STARTED))))));
    }

    private static CoreV1Event unhealthy(String message, OffsetDateTime last) {
        return new CoreV1Event().reason("Unhealthy").message(message).lastTimestamp(last).count(2)
                .involvedObject(new V1ObjectReference().kind("Pod").name("p").fieldPath("spec.containers{app}"))
                .metadata(new V1ObjectMeta().name("p.1"));
    }

    private static ProbeResult result(boolean success) {
        return new ProbeResult(success, Duration.ofMillis(3), 200, "", "", Instant.now(), "httpGet");
    }
}
