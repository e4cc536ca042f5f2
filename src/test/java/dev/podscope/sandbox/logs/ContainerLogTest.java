package dev.podscope.sandbox.logs;

import dev.podscope.sandbox.PodStateFixtures;
import dev.podscope.sandbox.SandboxFixtures;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerLogTest {
    private final Instant now = Instant.now();

    @Test
    void theSameRunAlwaysWritesTheSameLines() {
        V1Pod pod = running("web-0", "nginx:1.27.3", Duration.ofMinutes(20), 0);
        List<LogLine> first = all(new ContainerLog(run(pod)), now);
        List<LogLine> second = all(new ContainerLog(run(pod)), now);
        assertThat(first).hasSizeGreaterThan(1000).isEqualTo(second);

        V1Pod restarted = running("web-0", "nginx:1.27.3", Duration.ofMinutes(20), 1);
        restarted.getMetadata().uid(pod.getMetadata().getUid());
        assertThat(all(new ContainerLog(run(restarted)), now)).isNotEqualTo(first);
    }

    @Test
    void linesRunInOrderFromTheStartOfTheRun() {
        ContainerLog log = new ContainerLog(run(running("cart-1", "registry.example.com/shop/cart:v1.8.0",
                Duration.ofMinutes(30), 0)));
        List<LogLine> lines = all(log, now);
        assertThat(lines).extracting(LogLine::time).isSorted().allMatch(t -> !t.isBefore(log.run().started()))
                .allMatch(t -> t.isBefore(now));
        assertThat(lines.getFirst().text()).contains("\"msg\":\"starting app\"", "\"version\":\"v1.8.0\"");
        double perSecond = lines.size() / (double) Duration.ofMinutes(30).toSeconds();
        assertThat(perSecond).isBetween(0.5, 5.0);
    }

    @ParameterizedTest
    @CsvSource({"1", "5", "80", "3000"})
    void aTailIsTheEndOfTheWholeLog(int n) {
        ContainerLog log = new ContainerLog(run(running("web-0", "nginx:1.27.3", Duration.ofMinutes(20), 0)));
        List<LogLine> all = all(log, now);
        Instant from = log.tailStart(n, now, log.retainedFrom(now));
        assertThat(collect(log.lines(from, now))).isEqualTo(all.subList(all.size() - n, all.size()));
    }

    @Test
    void aMonthLongRunKeepsOnlyItsLastTenThousandLines() {
        ContainerLog log = new ContainerLog(run(running("web-0", "nginx:1.27.3", Duration.ofDays(30), 0)));
        List<LogLine> kept = all(log, now);
        assertThat(kept.size()).isBetween(ContainerLog.MAX_LINES, ContainerLog.MAX_LINES + 50);
        assertThat(kept.getFirst().time()).isAfter(now.minus(Duration.ofDays(1)));
        assertThat(kept.getFirst().text()).doesNotContain("docker-entrypoint");
    }

    @Test
    void aQuietLogKeepsTwoDaysAtMost() {
        ContainerLog log = new ContainerLog(run(running("redis-0", "redis:7.4.1-alpine", Duration.ofDays(30), 0)));
        List<LogLine> kept = all(log, now);
        assertThat(kept).hasSizeLessThan(ContainerLog.MAX_LINES);
        assertThat(kept.getFirst().time()).isAfterOrEqualTo(now.minus(ContainerLog.MAX_AGE).minusSeconds(1));
    }

    @Test
    void aRunThatCrashedAtStartupEndsWithItsStackTrace() {
        V1Pod pod = PodStateFixtures.crashLooping("shop", "checkout-1", "node-1", 2);
        ContainerLog log = new ContainerLog(ContainerRuns.select(pod, query(Map.of("previous", "true"))).orElseThrow());
        List<String> lines = all(log, now).stream().map(LogLine::text).toList();
        assertThat(lines.subList(0, 2)).allMatch(line -> line.startsWith("{\"time\":"));
        assertThat(lines.get(2)).startsWith("Exception in thread \"main\" java.");
        assertThat(lines.subList(3, lines.size())).allMatch(line -> line.startsWith("\tat ")
                || line.startsWith("Caused by: ") || line.startsWith("\t... "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nginx:1.27.3                          | 0   | 20                    | [notice] 1#1: exit",
            "registry.example.com/shop/cart:v1     | 143 | {\"time\":          | \"msg\":\"shutdown complete\"}",
            "registry.example.com/shop/cart:v1     | 2   | panic: runtime error | main.go:27 +0x65",
            "redis:7.4.1-alpine                    | 0   | 1:M                   | Redis is now ready to exit, bye bye...",
            "registry.example.com/batch/import:v1  | 137 | {\"time\":          | \"used_mb\":506}",
            "registry.k8s.io/kube-proxy:v1.32.2    | 0   | I                     | signal=\"terminated\""})
    void aFinishedRunEndsWithItsLastWords(String image, int exitCode, String lastWordsStart, String lastLineEnd) {
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).withNano(0);
        V1Pod pod = running("app-0", image, Duration.ofHours(2), 0);
        pod.getStatus().getContainerStatuses().getFirst().state(new V1ContainerState().terminated(
                new V1ContainerStateTerminated().exitCode(exitCode).startedAt(started)
                        .finishedAt(started.plusMinutes(90))));
        ContainerLog log = new ContainerLog(run(pod));
        List<LogLine> lines = all(log, log.end(now));
        assertThat(lines.getLast().text()).endsWith(lastLineEnd);
        assertThat(lines.getLast().time()).isBefore(log.end(now)).isAfter(started.plusMinutes(90).toInstant());
        assertThat(lines).anyMatch(line -> line.text().startsWith(lastWordsStart)
                && !line.time().isBefore(started.plusMinutes(90).toInstant()));
    }

    @Test
    void aRunWithinOneSecondAndNoLastWordsKeepsItsStartupLines() {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).withNano(0);
        V1Pod pod = running("kube-proxy-1", "registry.k8s.io/kube-proxy:v1.32.2", Duration.ofMinutes(1), 0);
        pod.getSpec().getContainers().getFirst().name("kube-proxy");
        pod.getStatus().getContainerStatuses().getFirst().name("kube-proxy").state(new V1ContainerState()
                .terminated(new V1ContainerStateTerminated().exitCode(137).startedAt(at).finishedAt(at)));
        ContainerLog log = new ContainerLog(run(pod));
        assertThat(all(log, log.end(now))).extracting(LogLine::text).hasSize(3)
                .allMatch(line -> line.startsWith("I")).last().asString().contains("Starting service config");
    }

    @Test
    void anInitContainerShellLoopEchoesAsOftenAsItSleeps() {
        V1Pod pod = PodStateFixtures.twoContainers("shop", "api-1", "node-1");
        ContainerLog log = new ContainerLog(ContainerRuns.select(pod, query(Map.of("container", "setup")))
                .orElseThrow());
        assertThat(all(log, log.end(now))).extracting(LogLine::text).isNotEmpty().containsOnly("preparing config");
    }

    @ParameterizedTest
    @CsvSource({
            "registry.k8s.io/coredns/coredns:v1.11.3, CoreDnsStyle",
            "redis:7.4.1-alpine, RedisStyle",
            "fluent/fluent-bit:3.2.4, FluentBitStyle",
            "registry.k8s.io/etcd:3.5.16-0, KlogStyle",
            "docker.io/kindest/kindnetd:v20241212-9f82dd49, KlogStyle",
            "busybox:1.37, ShellStyle",
            "nginx:1.27.3, AccessLogStyle",
            "registry.example.com/shop/frontend:v2.4.1, AccessLogStyle",
            "registry.example.com/shop/cart:v1.8.0, JsonLogStyle"})
    void theStyleFollowsTheImage(String image, String style) {
        assertThat(LogStyles.of(run(running("x", image, Duration.ofMinutes(1), 0))).getClass().getSimpleName())
                .isEqualTo(style);
    }

    private V1Pod running(String name, String image, Duration running, int restarts) {
        V1Pod pod = SandboxFixtures.runningPod("shop", name, "node-1", Map.of("app", name));
        pod.getMetadata().uid("uid-" + name + "-" + image.hashCode());
        V1Container spec = pod.getSpec().getContainers().getFirst().image(image);
        pod.getStatus().getContainerStatuses().getFirst().name(spec.getName()).restartCount(restarts).getState()
                .getRunning().startedAt(OffsetDateTime.ofInstant(now.minus(running), ZoneOffset.UTC).withNano(0));
        return pod;
    }

    private static ContainerRun run(V1Pod pod) {
        return ContainerRuns.select(pod, query(Map.of())).orElseThrow();
    }

    private static LogQuery query(Map<String, String> params) {
        return LogQuery.parse(params::get, "pod");
    }

    private static List<LogLine> all(ContainerLog log, Instant to) {
        return collect(log.lines(log.retainedFrom(to), to));
    }

    private static List<LogLine> collect(Iterator<LogLine> lines) {
        List<LogLine> all = new ArrayList<>();
        lines.forEachRemaining(all::add);
        return all;
    }
}
