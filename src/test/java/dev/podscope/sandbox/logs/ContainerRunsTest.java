package dev.podscope.sandbox.logs;

import dev.podscope.sandbox.PodStateFixtures;
import dev.podscope.sandbox.SandboxFixtures;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which run a log request reads, and the API server's and kubelet's refusals word for word. */
class ContainerRunsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ContainerCreating | container \"app\" in pod \"payments\" is waiting to start: ContainerCreating",
            "PodInitializing   | container \"app\" in pod \"payments\" is waiting to start: PodInitializing",
            "ErrImagePull      | container \"app\" in pod \"payments\" is waiting to start: image can't be pulled",
            "ImagePullBackOff  | container \"app\" in pod \"payments\" is waiting to start: trying and failing to pull"
                    + " image",
            "''                | container \"app\" in pod \"payments\" is waiting to start - no logs yet"})
    void aContainerThatNeverRanIsRefused(String reason, String message) {
        V1Pod pod = PodStateFixtures.waiting("shop", "payments", "node-1", reason.isEmpty() ? null : reason);
        assertRefused(pod, Map.of(), 400, message);
    }

    @Test
    void aPodWithSeveralContainersNeedsAName() {
        V1Pod pod = PodStateFixtures.twoContainers("shop", "api", "node-1");
        assertRefused(pod, Map.of(), 400,
                "a container name must be specified for pod api, choose one of: [setup app metrics-agent]");
        assertRefused(pod, Map.of("container", "sidecar"), 400, "container sidecar is not valid for pod api");
        assertThat(select(pod, Map.of("container", "metrics-agent")).name()).isEqualTo("metrics-agent");
        assertThat(select(pod, Map.of("container", "setup")).init()).isTrue();
    }

    @Test
    void previousNeedsATerminatedRun() {
        V1Pod web = SandboxFixtures.runningPod("shop", "web-0", "node-1", Map.of());
        assertRefused(web, Map.of("previous", "true"), 400,
                "previous terminated container \"app\" in pod \"web-0\" not found");
        web.getStatus().setContainerStatuses(null);
        assertRefused(web, Map.of(), 400, "container \"app\" in pod \"web-0\" is not available");
    }

    @Test
    void aPodNotYetOnANodeHasAnEmptyLog() {
        V1Pod pod = SandboxFixtures.runningPod("shop", "web-0", null, Map.of());
        assertThat(ContainerRuns.select(pod, LogQuery.parse(Map.<String, String>of()::get, "web-0"))).isEmpty();
    }

    @Test
    void runsAreCountedByRestarts() {
        V1Pod crashing = PodStateFixtures.crashLooping("shop", "checkout", "node-1", 3);
        ContainerRun waiting = select(crashing, Map.of());
        ContainerRun previous = select(crashing, Map.of("previous", "true"));
        assertThat(waiting.instance()).as("while it waits, lastState is the run that just ended").isEqualTo(3);
        assertThat(previous).isEqualTo(waiting);
        assertThat(previous.exitCode()).isEqualTo(1);
        assertThat(previous.failsAtStartup()).isTrue();

        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        V1ContainerStatus status = crashing.getStatus().getContainerStatuses().getFirst();
        status.restartCount(4).state(new V1ContainerState().running(new V1ContainerStateRunning().startedAt(started)));
        assertThat(select(crashing, Map.of()).instance()).isEqualTo(4);
        assertThat(select(crashing, Map.of("previous", "true")).instance()).isEqualTo(3);
    }

    @Test
    void aFollowedRunIsFoundAgainOnceItEnds() {
        V1Pod pod = SandboxFixtures.runningPod("shop", "web-0", "node-1", Map.of());
        pod.getMetadata().uid("uid-1");
        ContainerRun run = select(pod, Map.of());
        assertThat(ContainerRuns.current(pod, run)).contains(run);

        V1ContainerStatus status = pod.getStatus().getContainerStatuses().getFirst();
        OffsetDateTime started = status.getState().getRunning().getStartedAt();
        status.state(new V1ContainerState().terminated(new V1ContainerStateTerminated().exitCode(0)
                .startedAt(started).finishedAt(started.plusMinutes(3))));
        ContainerRun finished = ContainerRuns.current(pod, run).orElseThrow();
        assertThat(finished.running()).isFalse();
        assertThat(finished.finished()).isEqualTo(started.plusMinutes(3).toInstant());

        pod.getMetadata().uid("uid-2");
        assertThat(ContainerRuns.current(pod, run)).as("a new pod of the same name").isEmpty();
    }

    private static ContainerRun select(V1Pod pod, Map<String, String> params) {
        return ContainerRuns.select(pod, LogQuery.parse(new HashMap<>(params)::get, pod.getMetadata().getName()))
                .orElseThrow();
    }

    private static void assertRefused(V1Pod pod, Map<String, String> params, int code, String message) {
        assertThatThrownBy(() -> select(pod, params)).isInstanceOfSatisfying(LogRefusal.class, refusal -> {
            assertThat(refusal.code()).isEqualTo(code);
            assertThat(refusal.getMessage()).isEqualTo(message);
        });
    }
}
