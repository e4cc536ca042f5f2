package dev.podscope.logs;

import dev.podscope.sandbox.RunningSandbox;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.podscope.logs.LogPods.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Merging the logs of all containers of a pod and of all pods of a workload, against the sandbox. */
class MergedLogsTest {
    @TempDir
    static Path dir;
    private static RunningSandbox sandbox;
    private static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new RunningSandbox(LogPods.cluster(200), dir);
        client = sandbox.client();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void mergesTheHistoriesOfAllContainersByTime() throws Exception {
        List<LogRequest> requests = List.of("setup", "app", "metrics-agent").stream()
                .map(c -> LogRequest.of(NS, "api-5f6b8", c).withTimestamps(true)).toList();
        Collector collector = new Collector();
        MergedLogs.open(client, requests, collector);
        List<String> endings = collector.awaitEndings(3);
        assertThat(endings).containsOnly("clean");

        List<LogLine> merged = collector.lines;
        assertThat(merged).isSortedAccordingTo(Comparator.comparing(LogLine::time));
        for (int source = 0; source < 3; source++) {
            int s = source;
            List<String> alone = LogStream.readAll(client, requests.get(source), source).stream().map(LogLine::text).toList();
            List<String> mine = merged.stream().filter(l -> l.source() == s).map(LogLine::text).toList();
            assertThat(mine).isNotEmpty().isEqualTo(alone.subList(0, mine.size()));
        }
        assertThat(merged.getFirst().source()).as("the init container ran first").isZero();
    }

    @Test
    void followsEveryLogAfterItsHistoryWithoutRepeats() throws Exception {
        List<V1Pod> pods = WorkloadPods.list(client, NS, "deploy", "cart");
        assertThat(pods).extracting(p -> p.getMetadata().getName()).containsExactly("cart-a", "cart-b");
        List<LogRequest> requests = new ArrayList<>(pods.stream().map(p -> LogRequest.of(NS, p.getMetadata().getName(),
                "app").withTimestamps(true).withFollow(true).withTailLines(3L)).toList());
        requests.add(LogRequest.of(NS, "colours-1", "worker").withTimestamps(true).withFollow(true).withTailLines(3L));
        Collector collector = new Collector();
        try (MergedLogs merged = MergedLogs.open(client, requests, collector)) {
            collector.awaitLines(9 + 100);
            List<LogLine> history = collector.lines.subList(0, 9);
            assertThat(history).isSortedAccordingTo(Comparator.comparing(LogLine::time));
            for (int source = 0; source < 3; source++) {
                int s = source;
                List<Instant> times = collector.snapshot().stream().filter(l -> l.source() == s).map(LogLine::time).toList();
                assertThat(times).as("source %d in order, no repeats", s).isSortedAccordingTo(Comparator.naturalOrder())
                        .doesNotHaveDuplicates();
            }
        }
        assertThat(collector.awaitEndings(3)).containsOnly("clean");
    }

    @Test
    void reportsAWorkloadThatIsNotThere() {
        LogException e = catchThrowableOfType(LogException.class, () -> WorkloadPods.list(client, NS, "sts", "db"));
        assertThat(e.getMessage()).isEqualTo("StatefulSet shop/db not found");
    }

    /** Gathers what a merge delivers, in order. */
    static final class Collector implements LogSink {
        final List<LogLine> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        final BlockingQueue<String> endings = new LinkedBlockingQueue<>();

        @Override
        public void lines(List<LogLine> batch) {
            lines.addAll(batch);
        }

        @Override
        public void ended(int source, String problem) {
            endings.add(problem == null ? "clean" : problem);
        }

        List<LogLine> snapshot() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        void awaitLines(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lines.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(lines.size()).isGreaterThanOrEqualTo(n);
        }

        List<String> awaitEndings(int n) throws InterruptedException {
            List<String> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String ending = endings.poll(30, TimeUnit.SECONDS);
                assertThat(ending).as("stream %d of %d ended", i + 1, n).isNotNull();
                all.add(ending);
            }
            return all;
        }
    }
}
