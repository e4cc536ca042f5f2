package dev.podscope.sandbox.logs;

import dev.podscope.sandbox.SandboxFixtures;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Following a log over a store whose pod changes while it is followed. */
class PodLogsTest {
    private final ClusterStore store = SandboxFixtures.emptyCluster(100);
    private final PodLogs logs = new PodLogs(store);

    @Test
    void followingEndsWithTheLastWordsOfARunThatStops() throws Exception {
        V1Pod pod = store.create(Resources.PODS,
                SandboxFixtures.runningPod("shop", "web-0", "node-1", Map.of("app", "web"))).object();
        PodLog log = logs.open(pod, LogQuery.parse(Map.of("follow", "true", "tailLines", "0")::get, "web-0"));
        assertThat(log.follows()).isTrue();
        FirstWrite out = new FirstWrite();
        CompletableFuture<Void> following = CompletableFuture.runAsync(() -> write(log, out));
        assertThat(out.written.await(30, TimeUnit.SECONDS)).as("a new line within 30 s").isTrue();

        store.modify(Resources.PODS, "shop", "web-0", p -> {
            V1ContainerStatus status = p.getStatus().getContainerStatuses().getFirst();
            OffsetDateTime started = status.getState().getRunning().getStartedAt();
            status.state(new V1ContainerState().terminated(new V1ContainerStateTerminated().exitCode(0)
                    .startedAt(started).finishedAt(OffsetDateTime.now(ZoneOffset.UTC).withNano(0))));
            return p;
        });
        following.get(30, TimeUnit.SECONDS);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getLast()).endsWith("[notice] 1#1: exit");
    }

    @Test
    void closingEndsEveryFollower() throws Exception {
        V1Pod pod = store.create(Resources.PODS,
                SandboxFixtures.runningPod("shop", "web-0", "node-1", Map.of("app", "web"))).object();
        PodLog log = logs.open(pod, LogQuery.parse(Map.of("follow", "true", "tailLines", "1")::get, "web-0"));
        CompletableFuture<Void> following = CompletableFuture.runAsync(() -> write(log, OutputStream.nullOutputStream()));
        logs.closeAll();
        following.get(30, TimeUnit.SECONDS);
        assertThat(following).isCompleted();
    }

    @Test
    void aPodNotOnANodeHasAnEmptyLog() throws IOException {
        V1Pod pod = store.create(Resources.PODS,
                SandboxFixtures.runningPod("shop", "pending", null, Map.of("app", "web"))).object();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        logs.open(pod, LogQuery.parse(Map.of("follow", "true")::get, "pending")).writeTo(out);
        assertThat(out.size()).isZero();
    }

    private static void write(PodLog log, OutputStream out) {
        try {
            log.writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects what is written and tells when the first bytes arrived. */
    private static final class FirstWrite extends ByteArrayOutputStream {
        final CountDownLatch written = new CountDownLatch(1);

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            written.countDown();
        }
    }
}
