package dev.podscope.diagnosis;

import dev.podscope.events.PodEventReads;
import dev.podscope.metrics.MetricsReader;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.sim.Behavior;
import dev.podscope.sandbox.sim.PodRef;
import dev.podscope.sandbox.sim.Scenario;
import dev.podscope.sandbox.sim.SimulatorOptions;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.util.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagnosis of each unhealthy scenario pod of the running sandbox, read through the real client as the app
 * reads it: the pod, its events (field selector on involvedObject), its previous log and its metrics.
 */
class PodDiagnosisSandboxTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static Sandbox sandbox;
    private static ApiClient client;
    private static PodInvestigation investigation;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(0, new SimulatorOptions().withSeed(9).withPods(50).withTimeScale(0.05)
                .withChurn(false));
        client = Config.fromConfig(new StringReader(sandbox.kubeconfigYaml()));
        investigation = new PodInvestigation(client, new MetricsReader(client, "sandbox"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void unschedulableNamesTheResourceAndTheRequest() throws Exception {
        Diagnosis d = diagnose(Scenario.UNSCHEDULABLE, pod -> true);

        assertThat(d.headline()).isEqualTo("Cannot be scheduled: no node has enough free cpu (the pod requests 64 CPU)");
        assertThat(d.details()).anySatisfy(line -> assertThat(line).startsWith("Scheduler: 0/4 nodes are available: ")
                .contains("3 Insufficient cpu"));
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void imagePullBackOffNamesTheImageAndTheRegistryError() throws Exception {
        Diagnosis d = diagnose(Scenario.IMAGE_PULL_BACKOFF, pod -> waiting(pod, "ImagePullBackOff"));

        assertThat(d.headline()).isEqualTo(
                "Container payments cannot pull image registry.example.com/shop/payments:v9.9.9 (ImagePullBackOff)");
        assertThat(d.details()).anySatisfy(line -> assertThat(line)
                .startsWith("Registry error: Failed to pull image \"registry.example.com/shop/payments:v9.9.9\": ")
                .contains("not found"));
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void crashLoopGivesExitCodeBackOffAndTheEndOfThePreviousLog() throws Exception {
        Diagnosis d = diagnose(Scenario.CRASH_LOOP, pod -> waiting(pod, "CrashLoopBackOff"));

        assertThat(d.headline()).matches("Container checkout keeps crashing: last exit code 1 \\(Error\\);"
                + " restarted \\d+ times?");
        assertThat(d.details()).anySatisfy(line -> assertThat(line).matches("Kubernetes waits \\d+m?\\d+s before .*"));
        int logStart = d.details().indexOf("Last lines of the previous log:");
        assertThat(logStart).isNotNegative();
        List<String> quoted = d.details().subList(logStart + 1, d.details().size());
        assertThat(quoted).isNotEmpty().anySatisfy(line -> assertThat(line).contains("Exception"))
                .noneSatisfy(line -> assertThat(line).matches("\\s+at .*"));
    }

    @Test
    void oomKilledJobSaysMemoryAndTheLimit() throws Exception {
        Diagnosis d = diagnose(Scenario.FAILED, pod -> true);

        assertThat(d.headline()).isEqualTo("Container import was killed for running out of memory (limit 256Mi)");
        assertThat(d.evidence()).contains("terminated: exit code 137 (OOMKilled)");
    }

    @Test
    void oomCrashLoopSaysMemoryRatherThanJustCrashing() throws Exception {
        Diagnosis d = diagnose(Scenario.OOM_LOOP, pod -> waiting(pod, "CrashLoopBackOff"));

        assertThat(d.headline()).matches("Container cache-preloader was killed for running out of memory"
                + " \\(limit 192Mi\\); restarted \\d+ times?");
    }

    @Test
    void failingReadinessProbeNamesTheProbeAndTheFailure() throws Exception {
        Diagnosis d = diagnose(Scenario.NOT_READY, pod -> true);

        assertThat(d.headline()).isEqualTo("Container recommendations is not ready: its readiness probe is failing"
                + " (http-get http://:http/readyz)");
        assertThat(d.details()).contains(
                "Readiness probe: http-get http://:http/readyz delay=3s timeout=1s period=10s #success=1 #failure=3");
        assertThat(d.details()).anySatisfy(line -> assertThat(line).startsWith("Last failure ")
                .endsWith(" ago: HTTP probe failed with statuscode: 500"));
    }

    @Test
    void failingLivenessProbeExplainsTheRestarts() throws Exception {
        Diagnosis d = diagnose(Scenario.LIVENESS_FAILING, pod -> waiting(pod, "CrashLoopBackOff"));

        assertThat(d.headline()).matches("Container search-indexer is restarted by its failing liveness probe"
                + " \\(http-get http://:http/healthz\\); restarted \\d+ times?");
        assertThat(d.details()).anySatisfy(line -> assertThat(line).matches("Last failure \\d+m?\\d*s? ago, \\d+ failures"
                        + " since .* ago: .*")
                .endsWith(" ago: HTTP probe failed with statuscode: 503"));
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void failingInitContainerBlocksTheApp() throws Exception {
        Diagnosis d = diagnose(Scenario.INIT_FAILING, pod -> pod.getStatus().getInitContainerStatuses() != null
                && pod.getStatus().getInitContainerStatuses().stream().anyMatch(s -> waiting(s, "CrashLoopBackOff")));

        assertThat(d.headline()).matches("Init container migrate keeps crashing: last exit code 1 \\(Error\\);"
                + " restarted \\d+ times?");
        assertThat(d.details()).contains("The app containers cannot start until it completes.");
    }

    @Test
    void initContainerStuckForLong() throws Exception {
        CoreV1Api api = new CoreV1Api(client);
        V1Pod created = api.createNamespacedPod("default", new V1Pod().metadata(new V1ObjectMeta().name("waits-forever")
                        .annotations(Map.of(Behavior.ANNOTATION, Behavior.INIT_HANGS.value())))
                .spec(new V1PodSpec().initContainers(List.of(new V1Container().name("wait-for-db").image("busybox:1.37")
                                .command(List.of("sh", "-c", "until nc -z db 5432; do sleep 2; done"))))
                        .containers(List.of(new V1Container().name("app").image("nginx:1.27.3"))))).execute();
        V1Pod pod = await(new PodRef("default", created.getMetadata().getName()), p -> p.getStatus() != null
                && p.getStatus().getInitContainerStatuses() != null
                && !p.getStatus().getInitContainerStatuses().isEmpty()
                && p.getStatus().getInitContainerStatuses().getFirst().getState().getRunning() != null);

        Instant tenMinutesLater = Instant.now().plus(Duration.ofMinutes(10));
        Optional<Diagnosis> now = PodDiagnosis.explain(pod, events(pod), List.of(), null, Instant.now());
        Optional<Diagnosis> later = PodDiagnosis.explain(pod, events(pod), List.of(), null, tenMinutesLater);

        assertThat(now.map(Diagnosis::headline)).hasValue("Pending: containers are being created");
        assertThat(later.orElseThrow().headline()).matches("Init container wait-for-db has been running for"
                + " 10m\\d*s?; the app containers wait for it to finish");
    }

    @Test
    void terminatingForLongNamesTheFinalizer() throws Exception {
        Diagnosis d = diagnose(Scenario.STUCK_TERMINATING, pod -> true);

        assertThat(d.headline()).matches("Stuck terminating for \\d+h?\\d*m?: waiting for finalizer podscope.dev/stuck");
    }

    @Test
    void lostNode() throws Exception {
        Diagnosis d = diagnose(Scenario.NODE_LOST, pod -> true);

        assertThat(d.headline()).isEqualTo("Node sandbox-worker-3 is lost (not ready / unreachable)");
        assertThat(d.evidence()).contains("event NodeNotReady: Node is not ready",
                "condition DisruptionTarget: Taint manager: deleting due to NoExecute taint");
        assertThat(d.details()).anySatisfy(line -> assertThat(line).startsWith("The pod was evicted"));
    }

    @Test
    void healthyPodsHaveNoDiagnosis() throws Exception {
        V1Pod pod = await(sandbox.simulator().scenarioPod(Scenario.RUNNING), p -> true);

        assertThat(investigation.explain(pod, events(pod), Instant.now())).isEmpty();
        assertThat(PodDiagnosis.fromStatus(pod, Instant.now())).isEmpty();
    }

    @Test
    void statusAloneGivesTheSameHeadlineWhereNoEventsAreNeeded() throws Exception {
        for (Scenario s : List.of(Scenario.UNSCHEDULABLE, Scenario.IMAGE_PULL_BACKOFF, Scenario.FAILED,
                Scenario.STUCK_TERMINATING, Scenario.NODE_LOST)) {
            V1Pod pod = await(sandbox.simulator().scenarioPod(s), p -> true);
            Instant now = Instant.now();
            assertThat(PodDiagnosis.fromStatus(pod, now).map(Diagnosis::headline)).as(s.name())
                    .isEqualTo(investigation.explain(pod, events(pod), now).map(Diagnosis::headline));
        }
    }

    /** Waits for the scenario's pod to be in the state, then diagnoses it with everything the app would read. */
    private static Diagnosis diagnose(Scenario scenario, Predicate<V1Pod> state) throws Exception {
        V1Pod pod = await(sandbox.simulator().scenarioPod(scenario), state);
        Optional<Diagnosis> d = investigation.explain(pod, events(pod), Instant.now());
        assertThat(d).as("diagnosis of " + scenario).isPresent();
        return d.get();
    }

    private static List<CoreV1Event> events(V1Pod pod) throws Exception {
        return new PodEventReads(client).podEvents(pod);
    }

    private static V1Pod await(PodRef ref, Predicate<V1Pod> state) throws Exception {
        CoreV1Api api = new CoreV1Api(client);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            V1Pod pod = api.readNamespacedPod(ref.name(), ref.namespace()).execute();
            if (state.test(pod)) {
                return pod;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + ref + " to reach the state; last: " + pod.getStatus());
            }
            Thread.sleep(20);
        }
    }

    private static boolean waiting(V1Pod pod, String reason) {
        return pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null
                && pod.getStatus().getContainerStatuses().stream().anyMatch(s -> waiting(s, reason));
    }

    private static boolean waiting(V1ContainerStatus s, String reason) {
        return s.getState() != null && s.getState().getWaiting() != null
                && reason.equals(s.getState().getWaiting().getReason());
    }
}
