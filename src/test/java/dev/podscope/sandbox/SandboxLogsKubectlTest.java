package dev.podscope.sandbox;

import dev.podscope.testing.Eventually;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kubectl logs} 1.32 against the sandbox's simulated container logs. */
class SandboxLogsKubectlTest {
    /** nginx's combined access log format. */
    private static final Pattern ACCESS_LINE =
            Pattern.compile("^[0-9.]+ - - \\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000] \"[A-Z]+ \\S+ HTTP/1\\.1\" "
                    + "\\d{3} \\d+ \"-\" \".+\"$");
    /** Go's RFC3339NanoFixed, as the kubelet stamps lines. */
    private static final Pattern TIMESTAMPED = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z) .*");

    @TempDir
    Path tempDir;
    private RunningSandbox sandbox;
    private Kubectl kubectl;

    @BeforeEach
    void start() throws Exception {
        ClusterStore store = SandboxFixtures.emptyCluster(1000);
        store.create(Resources.PODS, SandboxFixtures.runningPod("shop", "web-0", "node-1", Map.of("app", "web")));
        store.create(Resources.PODS, PodStateFixtures.crashLooping("shop", "checkout-7d9c5", "node-1", 3));
        store.create(Resources.PODS, PodStateFixtures.twoContainers("shop", "api-5f6b8", "node-2"));
        store.create(Resources.PODS, PodStateFixtures.waiting("shop", "payments-4c2d1", "node-2", "ContainerCreating"));
        store.create(Resources.PODS, PodStateFixtures.oomKilled("shop", "import-orders", "node-1"));
        sandbox = new RunningSandbox(store, tempDir);
        kubectl = new Kubectl(sandbox.kubeconfig(), tempDir.resolve("home"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void printsTheStartAndAccessLogOfAnNginxContainer() throws Exception {
        Kubectl.Result result = kubectl.run("logs", "web-0");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.lines()).first().isEqualTo(
                "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
        assertThat(result.lines()).anyMatch(line -> line.endsWith("[notice] 1#1: nginx/1.27"));
        List<String> access = result.lines().subList(16, result.lines().size());
        assertThat(access).hasSizeGreaterThan(100).allMatch(line -> ACCESS_LINE.matcher(line).matches());
    }

    @Test
    void choosesTheContainerWithDashC() throws Exception {
        Kubectl.Result setup = kubectl.run("logs", "api-5f6b8", "-c", "setup");
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        assertThat(setup.lines()).isNotEmpty().containsOnly("preparing config");

        Kubectl.Result app = kubectl.run("logs", "api-5f6b8", "-c", "app");
        assertThat(app.exitCode()).as(app.err()).isZero();
        assertThat(app.lines().getFirst()).contains("\"msg\":\"starting app\"", "\"version\":\"v1.2.0\"");
    }

    @Test
    void defaultsToTheFirstContainerAsKubectlDoes() throws Exception {
        Kubectl.Result result = kubectl.run("logs", "api-5f6b8", "--tail", "1");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("Defaulted container \"app\" out of: app, metrics-agent, setup (init)");
        assertThat(result.lines()).hasSize(1);
    }

    @Test
    void tailsTheLastLines() throws Exception {
        Kubectl.Result all = kubectl.run("logs", "checkout-7d9c5", "--previous");
        Kubectl.Result tail = kubectl.run("logs", "checkout-7d9c5", "--previous", "--tail", "5");
        assertThat(tail.exitCode()).as(tail.err()).isZero();
        assertThat(tail.lines()).hasSize(5).isEqualTo(all.lines().subList(all.lines().size() - 5, all.lines().size()));

        Kubectl.Result running = kubectl.run("logs", "web-0", "--tail=5");
        assertThat(running.lines()).hasSize(5).allMatch(line -> ACCESS_LINE.matcher(line).matches());
    }

    @Test
    void prefixesTimestampsInOrder() throws Exception {
        Kubectl.Result result = kubectl.run("logs", "web-0", "--timestamps");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<Instant> times = new ArrayList<>();
        for (String line : result.lines()) {
            var matcher = TIMESTAMPED.matcher(line);
            assertThat(matcher.matches()).as(line).isTrue();
            times.add(Instant.parse(matcher.group(1)));
        }
        assertThat(times).isSorted();
        Instant started = sandbox.store().get(Resources.PODS, "shop", "web-0").orElseThrow().object().getStatus()
                .getContainerStatuses().getFirst().getState().getRunning().getStartedAt().toInstant();
        assertThat(times.getFirst()).isAfterOrEqualTo(started);
    }

    @Test
    void previousShowsTheStackTraceOfTheCrashedRun() throws Exception {
        Kubectl.Result result = kubectl.run("logs", "checkout-7d9c5", "--previous");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.lines()).first().asString().contains("\"msg\":\"starting checkout\"", "v4.2.0");
        assertThat(result.out()).contains("Exception in thread \"main\" java.");
        assertThat(result.lines().getLast()).matches("\t(at |\\.\\.\\. ).*");

        Kubectl.Result waiting = kubectl.run("logs", "checkout-7d9c5");
        assertThat(waiting.out()).as("a waiting container shows its last run").isEqualTo(result.out());
    }

    @Test
    void previousOfAContainerThatNeverRestartedIsRefused() throws Exception {
        Kubectl.Result result = kubectl.run("logs", "web-0", "--previous");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("Error from server (BadRequest): previous terminated container"
                + " \"app\" in pod \"web-0\" not found");
    }

    @Test
    void aContainerThatWaitsToStartHasNoLogYet() throws Exception {
        Kubectl.Result result = kubectl.run("logs", "payments-4c2d1");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("Error from server (BadRequest): container \"app\" in pod"
                + " \"payments-4c2d1\" is waiting to start: ContainerCreating");
    }

    @Test
    void anOomKilledBatchWarnsAboutItsMemoryLast() throws Exception {
        Kubectl.Result result = kubectl.run("logs", "import-orders");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.lines()).anyMatch(line -> line.contains("\"msg\":\"processed batch\""));
        assertThat(result.lines().getLast()).contains("\"msg\":\"GC overhead limit approaching\"", "\"used_mb\":253");
    }

    @Test
    void limitBytesCutsTheOutput() throws Exception {
        Kubectl.Result result = kubectl.run("logs", "web-0", "--limit-bytes", "100");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().getBytes(StandardCharsets.UTF_8)).hasSize(100);
    }

    @Test
    void followStreamsNewLinesAsTheyAreWritten() throws Exception {
        Process follow = kubectl.start("logs", "-f", "web-0", "--tail", "1");
        try {
            BlockingQueue<String> lines = Kubectl.lines(follow);
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                seen.add(Eventually.line(lines, line -> true));
            }
            assertThat(seen).allMatch(line -> ACCESS_LINE.matcher(line).matches());
            assertThat(follow.isAlive()).as("following until the container stops").isTrue();
        } finally {
            follow.destroy();
            follow.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
