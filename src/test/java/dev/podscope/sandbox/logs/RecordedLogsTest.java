package dev.podscope.sandbox.logs;

import dev.podscope.sandbox.SandboxFixtures;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bundle's log files served as the kubelet served them at capture time. */
class RecordedLogsTest {
    private static final Instant CAPTURED = Instant.parse("2026-11-25T12:00:00Z");
    private static final String STAMPED = """
            2026-11-25T11:58:00.000000001Z starting
            2026-11-25T11:59:30.500000000Z ready
            2026-11-25T11:59:59.000000000Z request 1
            """;
    private final V1Pod pod = SandboxFixtures.runningPod("shop", "web-0", "node-1", Map.of());

    @Test
    void stampedFilesHonourTimestampsSinceTailAndLimit() {
        RecordedLogs logs = logs(STAMPED);
        assertThat(read(logs, query(false, null, null, null))).isEqualTo("starting\nready\nrequest 1\n");
        assertThat(read(logs, query(true, null, null, null))).isEqualTo(STAMPED);
        assertThat(read(logs, query(false, 60L, null, null))).as("sinceSeconds counts back from the capture")
                .isEqualTo("ready\nrequest 1\n");
        assertThat(read(logs, query(false, null, 1L, null))).isEqualTo("request 1\n");
        assertThat(read(logs, query(false, null, 0L, null))).isEmpty();
        assertThat(read(logs, query(false, null, null, 11L))).isEqualTo("starting\nre");
    }

    @Test
    void unstampedFilesAreServedAsTheyAre() {
        RecordedLogs logs = logs("plain one\nplain two\n");
        assertThat(read(logs, query(true, 1L, null, null))).as("no times to show or to filter by")
                .isEqualTo("plain one\nplain two\n");
        assertThat(read(logs, query(false, null, 1L, null))).isEqualTo("plain two\n");
    }

    @Test
    void aContainerWithoutFileIsRefusedAndAnUnknownOneAsByTheApiServer() {
        RecordedLogs none = new RecordedLogs((ns, name, container, previous) -> Optional.empty(), CAPTURED);
        assertThatThrownBy(() -> none.open(pod, query(false, null, null, null))).isInstanceOf(LogRefusal.class)
                .hasMessage("the log of container \"app\" in pod \"web-0\" was not captured in this bundle");
        LogQuery other = new LogQuery("sidecar", false, false, false, null, null, null, null);
        assertThatThrownBy(() -> none.open(pod, other)).hasMessage("container sidecar is not valid for pod web-0");
    }

    private RecordedLogs logs(String text) {
        return new RecordedLogs((ns, name, container, previous) -> Optional.of(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))), CAPTURED);
    }

    private static LogQuery query(boolean timestamps, Long sinceSeconds, Long tail, Long limitBytes) {
        return new LogQuery("", false, false, timestamps, tail, sinceSeconds, null, limitBytes);
    }

    private String read(RecordedLogs logs, LogQuery query) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            logs.open(pod, query).writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
