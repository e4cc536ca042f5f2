package dev.podscope.logs;

import dev.podscope.sandbox.RunningSandbox;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.podscope.logs.LogPods.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The log stream reader against the sandbox's pods/log over HTTPS, checked against what client-java reads. */
class LogStreamTest {
    @TempDir
    static Path dir;
    private static RunningSandbox sandbox;
    private static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new RunningSandbox(LogPods.cluster(20), dir);
        client = sandbox.client();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void readsTheSameLinesAsTheJavaClient() throws Exception {
        String expected = new CoreV1Api(client).readNamespacedPodLog("checkout-7d9c5", NS).container("checkout")
                .previous(true).execute();
        List<LogLine> lines = LogStream.readAll(client, LogRequest.of(NS, "checkout-7d9c5", "checkout")
                .withPrevious(true), 3);
        assertThat(lines).extracting(LogLine::text).isEqualTo(expected.lines().toList());
        assertThat(lines).allMatch(l -> l.source() == 3 && l.time() == null);
        assertThat(expected).contains("Exception in thread \"main\"");
    }

    @Test
    void parsesAndStripsTheKubeletTimestamps() throws Exception {
        // a finished run's log, so that both reads see the same lines
        String raw = new CoreV1Api(client).readNamespacedPodLog("checkout-7d9c5", NS).container("checkout")
                .previous(true).timestamps(true).tailLines(10).execute();
        List<LogLine> lines = LogStream.readAll(client, LogRequest.of(NS, "checkout-7d9c5", "checkout")
                .withPrevious(true).withTimestamps(true).withTailLines(10L), 0);
        List<String> rawLines = raw.lines().toList();
        assertThat(lines).hasSize(10);
        for (int i = 0; i < lines.size(); i++) {
            String stamp = rawLines.get(i).substring(0, rawLines.get(i).indexOf(' '));
            assertThat(lines.get(i).time()).isEqualTo(Instant.parse(stamp));
            assertThat(lines.get(i).text()).isEqualTo(rawLines.get(i).substring(stamp.length() + 1));
        }
    }

    @Test
    void tailSinceAndLimitBytesReachTheServer() throws Exception {
        // a finished run's log: it does not grow between the two reads
        LogRequest finished = LogRequest.of(NS, "checkout-7d9c5", "checkout").withPrevious(true);
        List<LogLine> whole = LogStream.readAll(client, finished, 0);
        assertThat(LogStream.readAll(client, finished.withTailLines(7L), 0)).extracting(LogLine::text)
                .isEqualTo(whole.subList(whole.size() - 7, whole.size()).stream().map(LogLine::text).toList());
        LogRequest all = LogRequest.of(NS, "web-0", "app");
        List<LogLine> cut = LogStream.readAll(client, all.withLimitBytes(100L), 0);
        assertThat(String.join("\n", cut.stream().map(LogLine::text).toList()).length() + 1)
                .as("a cut last line is kept").isGreaterThanOrEqualTo(100);
        assertThat(LogStream.readAll(client, all.withSinceSeconds(3600L).withTimestamps(true), 0))
                .allMatch(l -> l.time().isAfter(Instant.now().minusSeconds(3601)));
    }

    @Test
    void saysPlainlyWhenThereIsNoPreviousInstance() {
        LogException e = catchThrowableOfType(LogException.class, () ->
                LogStream.readAll(client, LogRequest.of(NS, "web-0", "app").withPrevious(true), 0));
        assertThat(e.getMessage()).isEqualTo("No previous instance of container \"app\" of pod shop/web-0: it has not"
                + " restarted (or its old log is gone)");
        LogException gone = catchThrowableOfType(LogException.class, () ->
                LogStream.readAll(client, LogRequest.of(NS, "nope", "app"), 0));
        assertThat(gone.getMessage()).isEqualTo("Pod shop/nope not found (it may have been deleted)");
    }

    @Test
    void followsInBatchesUntilClosed() throws Exception {
        BlockingQueue<List<LogLine>> batches = new LinkedBlockingQueue<>();
        BlockingQueue<String> ended = new LinkedBlockingQueue<>();
        LogStream stream = LogStream.open(client, LogRequest.of(NS, "colours-1", "worker").withFollow(true)
                .withTailLines(5L).withTimestamps(true), 0, new LogSink() {
            @Override
            public void lines(List<LogLine> batch) {
                batches.add(batch);
            }

            @Override
            public void ended(int source, String problem) {
                ended.add(problem == null ? "clean" : problem);
            }
        });
        List<LogLine> first = batches.poll(10, TimeUnit.SECONDS);
        // the 5 tail lines, plus any line the pod wrote within the same batching window
        assertThat(first).isNotNull().hasSizeBetween(5, 20);
        assertThat(LogStream.readAll(client, LogRequest.of(NS, "colours-1", "worker"), 0))
                .as("the history is longer than the tail, so the tail was applied").hasSizeGreaterThan(40);
        List<LogLine> later = batches.poll(10, TimeUnit.SECONDS);
        assertThat(later).as("new lines while following").isNotNull().isNotEmpty();
        assertThat(later.getFirst().time()).isAfter(first.getLast().time());
        assertThat(later.getFirst().text()).contains("\u001b[");
        stream.close();
        assertThat(ended.poll(10, TimeUnit.SECONDS)).isEqualTo("clean");
    }
}
