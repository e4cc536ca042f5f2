package dev.podscope.sandbox;

import dev.podscope.bundle.BundleExports;
import dev.podscope.bundle.BundleFiles;
import dev.podscope.bundle.BundleReader;
import dev.podscope.bundle.BundleScope;
import dev.podscope.format.PodRow;
import dev.podscope.sandbox.replay.ReplayServer;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Real kubectl 1.32 against a bundle served by {@code podscope sandbox --bundle}: reads work, changes are refused. */
class BundleKubectlTest {
    @TempDir
    Path dir;
    private ReplayServer replay;
    private Kubectl kubectl;
    private BundleFiles files;
    private Instant createdAt;

    @BeforeEach
    void serve() throws Exception {
        ClusterStore store = SandboxFixtures.emptyCluster(1000);
        V1Pod web = store.create(Resources.PODS,
                SandboxFixtures.runningPod("shop", "web-0", "node-1", Map.of("app", "web"))).object();
        V1Pod checkout = store.create(Resources.PODS,
                PodStateFixtures.crashLooping("shop", "checkout-7d9c5", "node-1", 3)).object();
        store.create(Resources.EVENTS, SandboxFixtures.podEvent(web, "web-0.1", "Started", "Started container app"));
        store.create(Resources.EVENTS, SandboxFixtures.podEvent(checkout, "checkout-7d9c5.1", "BackOff",
                "Back-off restarting failed container checkout").type("Warning"));
        Path zip = dir.resolve("prod.zip");
        createdAt = BundleExports.export(store, "prod-eu", BundleScope.namespaces(List.of("shop")), zip);
        files = BundleFiles.read(zip);
        replay = ReplayServer.start(BundleReader.open(zip), 0);
        kubectl = new Kubectl(replay.writeKubeconfig(dir.resolve("kubeconfig")), dir.resolve("home"));
        // let the wall clock move on: everything served must still be as at capture
        Thread.sleep(1_100);
    }

    @AfterEach
    void stop() {
        replay.close();
    }

    @Test
    void getPodsPrintsTheRowsAsAtCapture() throws Exception {
        Kubectl.Result result = kubectl.run("get", "pods", "-A");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> expected = new ArrayList<>();
        for (V1Pod pod : replay.server().store().list(Resources.PODS, null).items().stream()
                .map(s -> s.object()).toList()) {
            PodRow row = PodRow.of(pod, createdAt);
            expected.add(String.join(" ", row.namespace(), row.name(), row.ready(), row.status(), row.restarts(),
                    row.age()));
        }
        assertThat(result.lines().getFirst()).matches("NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE");
        assertThat(result.lines().subList(1, result.lines().size()).stream().map(l -> l.replaceAll(" {2,}", " ")))
                .containsExactlyElementsOf(expected);
        assertThat(String.join("\n", expected)).contains("checkout-7d9c5 0/1 CrashLoopBackOff 3 (40s ago) 20m");
    }

    @Test
    void contextIsNamedForTheCapturedOne() throws Exception {
        Kubectl.Result result = kubectl.run("config", "current-context");
        assertThat(result.out().strip()).isEqualTo("bundle-prod-eu");
        Kubectl.Result version = kubectl.run("version", "-o", "json");
        assertThat(version.out()).contains("\"gitVersion\": \"v1.32.0-podscope-sandbox\"");
    }

    @Test
    void describePodShowsItsStateAndEvents() throws Exception {
        Kubectl.Result result = kubectl.run("describe", "pod", "checkout-7d9c5");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Name:", "checkout-7d9c5", "Namespace:", "shop", "CrashLoopBackOff",
                "Restart Count:  3", "Back-off restarting failed container checkout");
    }

    @Test
    void logsCurrentAndPreviousAreTheCapturedFiles() throws Exception {
        Kubectl.Result current = kubectl.run("logs", "web-0");
        assertThat(current.exitCode()).as(current.err()).isZero();
        assertThat(current.lines()).isNotEmpty().isEqualTo(withoutTimestamps("logs/shop/web-0/app.log"));

        Kubectl.Result previous = kubectl.run("logs", "checkout-7d9c5", "--previous");
        assertThat(previous.exitCode()).as(previous.err()).isZero();
        assertThat(previous.lines()).isNotEmpty()
                .isEqualTo(withoutTimestamps("logs/shop/checkout-7d9c5/checkout.previous.log"));

        Kubectl.Result stamped = kubectl.run("logs", "web-0", "--timestamps", "--tail", "3");
        List<String> file = text("logs/shop/web-0/app.log").lines().toList();
        assertThat(stamped.lines()).isEqualTo(file.subList(file.size() - 3, file.size()));

        // the exporter's kubelet timestamps let the served bundle cut by time, as the cluster did
        String middle = file.get(file.size() / 2);
        Instant since = Instant.parse(middle.substring(0, middle.indexOf(' '))).truncatedTo(ChronoUnit.SECONDS);
        Kubectl.Result sinceTime = kubectl.run("logs", "web-0", "--timestamps", "--since-time=" + since);
        assertThat(sinceTime.exitCode()).as(sinceTime.err()).isZero();
        assertThat(sinceTime.lines()).isNotEmpty().isEqualTo(file.stream()
                .filter(l -> !Instant.parse(l.substring(0, l.indexOf(' '))).isBefore(since)).toList());

        Kubectl.Result limited = kubectl.run("logs", "web-0", "--limit-bytes", "10");
        assertThat(limited.out()).isEqualTo(withoutTimestamps("logs/shop/web-0/app.log").getFirst().substring(0, 10));
    }

    @Test
    void logsOfANeverRestartedContainerAreRefusedAsByTheKubelet() throws Exception {
        Kubectl.Result result = kubectl.run("logs", "web-0", "--previous");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err().strip()).isEqualTo("Error from server (BadRequest): previous terminated container"
                + " \"app\" in pod \"web-0\" not found");
    }

    @Test
    void getEventsListsTheCapturedEvents() throws Exception {
        Kubectl.Result result = kubectl.run("get", "events");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("BackOff", "Back-off restarting failed container checkout", "Started");
    }

    @Test
    void watchReturnsTheCapturedStateAndStaysOpen() throws Exception {
        Process watch = kubectl.start("get", "pods", "-w");
        try {
            BlockingQueue<String> lines = Kubectl.lines(watch);
            List<String> seen = new ArrayList<>();
            while (seen.size() < 3) {
                String line = lines.poll(30, TimeUnit.SECONDS);
                assertThat(line).as("lines so far: %s", seen).isNotNull();
                seen.add(line);
            }
            assertThat(seen.get(0)).matches("NAME +READY +STATUS +RESTARTS +AGE");
            assertThat(seen.subList(1, 3)).anyMatch(l -> l.startsWith("checkout-7d9c5 "))
                    .anyMatch(l -> l.startsWith("web-0 "));
            assertThat(watch.isAlive()).as("the watch stays open on a bundle").isTrue();
        } finally {
            watch.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void changesAreRefusedWithTheCaptureInTheMessage() throws Exception {
        String refusal = "Error from server (MethodNotAllowed): " + ReplayServer.readOnlyMessage(replay.manifest());
        Kubectl.Result delete = kubectl.run("delete", "pod", "web-0", "--wait=false");
        assertThat(delete.exitCode()).isNotZero();
        assertThat(delete.err().strip()).isEqualTo(refusal);
        assertThat(refusal).contains("captured at " + ReplayServer.captured(createdAt), "\"prod-eu\"", "read-only");

        Kubectl.Result label = kubectl.run("label", "pod", "web-0", "tier=front");
        assertThat(label.err()).contains(ReplayServer.readOnlyMessage(replay.manifest()));
        Kubectl.Result exec = kubectl.run("exec", "web-0", "--", "ls");
        assertThat(exec.exitCode()).isNotZero();
        assertThat(exec.err()).contains("read-only");
        assertThat(kubectl.run("get", "pods").out()).contains("web-0");
    }

    @Test
    void topShowsTheMetricsSnapshot() throws Exception {
        Kubectl.Result result = kubectl.run("top", "pod");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.lines().getFirst().strip()).matches("NAME +CPU\\(cores\\) +MEMORY\\(bytes\\)");
        assertThat(result.out()).contains("web-0");
    }

    private List<String> withoutTimestamps(String path) {
        return text(path).lines().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
    }

    private String text(String path) {
        return files.text(path);
    }
}
