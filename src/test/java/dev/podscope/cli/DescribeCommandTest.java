package dev.podscope.cli;

import dev.podscope.sandbox.sim.PodRef;
import dev.podscope.sandbox.sim.Scenario;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code podscope describe pod} against kubectl 1.32 describing the same frozen cluster: the output must be the same
 * bytes, followed by a Diagnosis section exactly for the unhealthy pods. Both compute ages from the wall clock, so
 * podscope runs between two kubectl runs and must match one of them.
 */
class DescribeCommandTest {
    @TempDir
    static Path dir;

    private static KubectlComparison cluster;
    private static ScenarioCluster.Frozen frozen;

    @BeforeAll
    static void freezeTheScenarios() throws Exception {
        frozen = ScenarioCluster.settle(23);
        cluster = KubectlComparison.start(frozen.store(), Files.createDirectories(dir.resolve("admin")), "frozen", "shop");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(Scenario.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void describesEveryScenarioPodAsKubectlDoes(Scenario scenario) {
        PodRef ref = frozen.scenarios().get(scenario);
        Comparison c = compare(List.of("describe", "pod", ref.name(), "-n", ref.namespace()));

        keep(scenario.name(), c);
        assertThat(c.kubectl().exitCode()).as(c.kubectl().err()).isZero();
        assertThat(c.kubectl().out()).startsWith("Name:").contains(ref.name() + "\n", "\nContainers:\n");
        assertThat(c.podscope().err()).isEmpty();
        assertSameAsKubectl(c);
    }

    /** Both outputs under target/describe/, to read what was compared. */
    private static void keep(String name, Comparison c) {
        try {
            Path out = Files.createDirectories(Path.of("target", "describe"));
            Files.writeString(out.resolve(name + ".kubectl.txt"), c.kubectl().out() + c.kubectl().err());
            Files.writeString(out.resolve(name + ".podscope.txt"), c.podscope().out() + c.podscope().err());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void systemAndSidecarPodsWithVolumesTolerationsAndEnvironment() {
        List<V1Pod> pods = new ArrayList<>();
        for (String ns : List.of("kube-system", "shop")) {
            frozen.store().list(Resources.PODS, ns).items().stream().map(StoredObject::object).forEach(pods::add);
        }
        for (V1Pod pod : pods) {
            Comparison c = compare(List.of("describe", "pod", pod.getMetadata().getName(), "-n",
                    pod.getMetadata().getNamespace()));
            keep(pod.getMetadata().getName(), c);
            assertThat(c.kubectl().exitCode()).as(c.kubectl().err()).isZero();
            assertSameAsKubectl(c);
        }
    }

    @Test
    void healthyPodsGetNoDiagnosisAndUnhealthyOnesDo() {
        Comparison healthy = compare(List.of("describe", "pod", frozen.scenarios().get(Scenario.RUNNING).name(),
                "-n", frozen.scenarios().get(Scenario.RUNNING).namespace()));
        Comparison crashing = compare(List.of("describe", "pod", frozen.scenarios().get(Scenario.CRASH_LOOP).name(),
                "-n", "shop"));

        assertThat(healthy.podscope().out()).isEqualTo(healthy.kubectl().out()).doesNotContain("Diagnosis:");
        assertThat(crashing.diagnosis()).startsWith("Diagnosis:\n  ERROR: Container checkout keeps crashing: last exit code 1 (Error)");
    }

    /**
     * A pod with every field describe prints that the simulator's pods lack: exec, tcp-socket, grpc and https probes,
     * each kind of environment variable, envFrom, the common volume types, tolerations, topology spread, readiness
     * gates, seccomp profiles, dual-stack IPs, a sidecar, and events in both the old (count) and new (series) form.
     */
    @Test
    void aPodWithEveryDescribedField() throws Exception {
        String json = new String(DescribeCommandTest.class.getResourceAsStream("/describe/everything-pod.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        V1Pod pod = dev.podscope.format.WireJson.gson().fromJson(json, V1Pod.class);
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0);
        frozen.store().create(Resources.PODS, pod);
        frozen.store().create(Resources.EVENTS, event(pod, "everything.1", "Normal", "Pulled", "kubelet", 1,
                now.minusMinutes(50), now.minusMinutes(50)).source(new io.kubernetes.client.openapi.models.V1EventSource()
                .component("kubelet").host("sandbox-worker-1")));
        frozen.store().create(Resources.EVENTS, event(pod, "everything.2", "Warning", "BackOff", "kubelet", 7,
                now.minusMinutes(20), now.minusSeconds(5)).source(new io.kubernetes.client.openapi.models.V1EventSource()
                .component("kubelet")).message("  Back-off restarting failed container app  \n"));
        frozen.store().create(Resources.EVENTS, event(pod, "everything.3", "Warning", "Unhealthy", null, 0, null, null)
                .reportingComponent("kubelet").eventTime(now.minusMinutes(30).minusSeconds(30).withNano(123_456_000))
                .series(new io.kubernetes.client.openapi.models.CoreV1EventSeries().count(4)
                        .lastObservedTime(now.minusMinutes(2).withNano(654_321_000)))
                .message("Readiness probe failed: connection refused"));

        Comparison c = compare(List.of("describe", "pod", "everything", "-n", "shop"));

        keep("everything", c);
        assertThat(c.kubectl().exitCode()).as(c.kubectl().err()).isZero();
        assertThat(c.kubectl().out()).contains("exec [redis-cli ping]", "grpc <pod>:50051 health",
                "tcp-socket localhost:metrics", "https://10.0.0.1:8080/started", "(x7 over 20m)", "(x4 over 30m)");
        assertSameAsKubectl(c);
        assertThat(c.diagnosis()).startsWith("Diagnosis:\n  ERROR: Container app keeps crashing: last exit code 2");
    }

    private static io.kubernetes.client.openapi.models.CoreV1Event event(V1Pod pod, String name, String type,
            String reason, String component, int count, java.time.OffsetDateTime first, java.time.OffsetDateTime last) {
        return new io.kubernetes.client.openapi.models.CoreV1Event().apiVersion("v1").kind("Event")
                .metadata(new io.kubernetes.client.openapi.models.V1ObjectMeta().name(name).namespace("shop"))
                .involvedObject(new io.kubernetes.client.openapi.models.V1ObjectReference().kind("Pod").apiVersion("v1")
                        .name(pod.getMetadata().getName()).namespace("shop").uid(pod.getMetadata().getUid()))
                .type(type).reason(reason).message(reason + " happened").count(count == 0 ? null : count)
                .firstTimestamp(first).lastTimestamp(last);
    }

    @Test
    void aMissingPodIsReportedAsKubectlReportsIt() {
        List<String> command = List.of("describe", "pod", "no-such-pod");
        Cli.Result expected = cluster.kubectl(command);

        assertThat(expected.exitCode()).isEqualTo(1);
        assertThat(cluster.podscope(command)).isEqualTo(expected);
    }

    @Test
    void withoutEvents() {
        PodRef ref = frozen.scenarios().get(Scenario.IMAGE_PULL_BACKOFF);
        Comparison c = compare(List.of("describe", "pod", ref.name(), "-n", ref.namespace(), "--show-events=false"));

        assertThat(c.kubectl().out()).doesNotContain("Events:");
        assertSameAsKubectl(c);
    }

    /**
     * podscope between two kubectl runs: its output must be that of one of them, the one whose ages it shares (an
     * age may tick between the runs; podscope computes all ages at one instant, as kubectl does within a run).
     */
    private static Comparison compare(List<String> command) {
        Comparison last = null;
        // a busy machine can make one kubectl run take seconds, so that podscope's ages fall between the two
        for (int attempt = 0; attempt < 3; attempt++) {
            Cli.Result before = cluster.kubectl(command);
            Cli.Result podscope = cluster.podscope(command);
            Cli.Result after = cluster.kubectl(command);
            Comparison withAfter = new Comparison(after, podscope);
            last = withAfter.withoutDiagnosis().equals(after.out()) ? withAfter : new Comparison(before, podscope);
            if (last.withoutDiagnosis().equals(last.kubectl().out())) {
                return last;
            }
        }
        return last;
    }

    /** Ages like 5m, 2m13s, 45s, 3d4h, and "<unknown>" stay; only digits-with-units change between runs. */
    private static final java.util.regex.Pattern AGE =
            java.util.regex.Pattern.compile("(?<![\\w.:/-])\\d+[smhdy](\\d+[smhd])?(?![\\w.:/-])");

    /**
     * Byte for byte; only when the machine is so busy that every try straddled a clock tick, the same text with
     * ages masked and column padding collapsed (the ages' widths move the Events columns).
     */
    private static void assertSameAsKubectl(Comparison c) {
        if (c.withoutDiagnosis().equals(c.kubectl().out())) {
            return;
        }
        assertThat(maskAges(c.withoutDiagnosis())).isEqualTo(maskAges(c.kubectl().out()));
    }

    private static String maskAges(String text) {
        return AGE.matcher(text).replaceAll("AGE").replaceAll(" {2,}", "  ");
    }

    record Comparison(Cli.Result kubectl, Cli.Result podscope) {
        /** podscope's output up to its Diagnosis section, which follows kubectl's text. */
        String withoutDiagnosis() {
            String out = podscope.out();
            int at = out.indexOf("Diagnosis:\n", Math.min(out.length(), kubectl.out().length()));
            return at < 0 ? out : out.substring(0, at);
        }

        String diagnosis() {
            return podscope.out().substring(withoutDiagnosis().length());
        }
    }
}
