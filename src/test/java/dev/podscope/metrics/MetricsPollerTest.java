package dev.podscope.metrics;

import dev.podscope.sandbox.api.AccessPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The poller against a sandbox API server over HTTPS, its clock moved one metrics window at a time. */
class MetricsPollerTest {
    private static final PodName API_0 = new PodName("shop", "api-0");
    private static final PodName API_1 = new PodName("shop", "api-1");

    @TempDir
    Path dir;
    private MetricsCluster cluster;
    private MetricsPoller poller;

    @BeforeEach
    void start() {
        cluster = new MetricsCluster(dir);
    }

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.close();
        }
        cluster.close();
    }

    @Test
    void keepsOneSamplePerMetricsWindowOfEachContainer() throws IOException {
        poller = new MetricsPoller(cluster.reader(), Duration.ofSeconds(15), () -> null);
        List<MetricsPoll> polls = Collections.synchronizedList(new ArrayList<>());
        poller.addListener(polls::add);

        poller.pollNow();
        poller.pollNow();
        assertThat(poller.status()).isEqualTo(MetricsStatus.AVAILABLE);
        assertThat(poller.latest().keySet()).containsExactlyInAnyOrder(API_0, API_1, new PodName("data", "db-0"));
        assertThat(poller.history(API_0, Duration.ofMinutes(5))).extracting(UsageSeries::container, UsageSeries::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("app", 1),
                        org.assertj.core.groups.Tuple.tuple("metrics-agent", 1));

        cluster.nextWindow();
        poller.pollNow();
        PodUsage server = cluster.reader().pod("shop", "api-0");
        UsageSeries app = poller.history(API_0, Duration.ofMinutes(5)).getFirst();
        assertThat(app.size()).isEqualTo(2);
        assertThat(app.epochSeconds()[1] - app.epochSeconds()[0]).isEqualTo(15);
        assertThat(app.epochSeconds()[1]).isEqualTo(server.timestamp().getEpochSecond());
        ContainerUsage serverApp = server.containers().getFirst();
        assertThat((double) app.millicores()[1]).isCloseTo(serverApp.nanoCores() / 1e6, org.assertj.core.data.Offset.offset(0.01));
        assertThat(app.lastBytes()).isCloseTo(serverApp.bytes(), org.assertj.core.data.Offset.offset(64L));
        assertThat(server.window()).isEqualTo(Duration.ofSeconds(15));
        assertThat(poller.latest(API_0)).contains(server);
        assertThat(polls).extracting(MetricsPoll::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    void everyPodKeepsFiveMinutesAndTrackedPodsAnHour() throws Exception {
        poller = new MetricsPoller(cluster.reader(), Duration.ofSeconds(15), () -> null);
        AutoCloseable tracking = poller.track(API_0);
        for (int i = 0; i < 30; i++) {
            poller.pollNow();
            cluster.nextWindow();
        }
        assertThat(poller.history(API_0, Duration.ofHours(1)).getFirst().size()).isEqualTo(30);
        assertThat(poller.history(API_0, Duration.ofMinutes(5)).getFirst().size()).isEqualTo(21);
        assertThat(poller.history(API_1, Duration.ofHours(1)).getFirst().size()).isEqualTo(21);

        // opening a pod keeps its last five minutes, then it grows to an hour
        AutoCloseable second = poller.track(API_1);
        poller.pollNow();
        assertThat(poller.history(API_1, Duration.ofHours(1)).getFirst().size()).isEqualTo(22);
        tracking.close();
        second.close();
        assertThat(poller.memorySummary()).isEqualTo("2 containers x 21 samples, 4 x 241 samples (12 bytes each)");
    }

    @Test
    void aClusterWithoutMetricsServerIsSaidToBeSoAndRecovers() throws IOException {
        cluster.cluster().metricsApi(false);
        poller = new MetricsPoller(cluster.reader(), Duration.ofSeconds(15), () -> null);
        poller.pollNow();
        assertThat(poller.status()).isEqualTo(MetricsStatus.ABSENT);
        assertThat(poller.status().message()).isEqualTo("The metrics API (metrics.k8s.io) is not installed on this"
                + " cluster — install metrics-server to see CPU and memory");
        assertThat(poller.latest()).isEmpty();
        assertThat(cluster.reader().installed()).isFalse();

        cluster.cluster().metricsApi(true);
        poller.pollNow();
        assertThat(poller.status()).isEqualTo(MetricsStatus.AVAILABLE);
        assertThat(cluster.reader().installed()).isTrue();
    }

    @Test
    void forbiddenNamesTheUserAndTheResource() throws IOException {
        cluster.cluster().addToken("viewer-token", AccessPolicy.allowAll("viewer")
                .deny("list", "pods.metrics.k8s.io", null));
        poller = new MetricsPoller(new MetricsReader(cluster.client("viewer-token"), "test"), Duration.ofSeconds(15),
                () -> "shop");
        poller.pollNow();
        assertThat(poller.status().availability()).isEqualTo(MetricsAvailability.FORBIDDEN);
        assertThat(poller.status().message()).isEqualTo("Not allowed to read metrics: pods.metrics.k8s.io is"
                + " forbidden: User \"viewer\" cannot list resource \"pods\" in API group \"metrics.k8s.io\" in the"
                + " namespace \"shop\" (context \"test\")");
    }

    @Test
    void aUserOfOneNamespaceGetsThatNamespacesMetrics() throws IOException {
        cluster.cluster().addToken("shop-token", AccessPolicy.allowAll("shop-viewer").onlyNamespace("shop"));
        poller = new MetricsPoller(new MetricsReader(cluster.client("shop-token"), "test"), Duration.ofSeconds(15),
                () -> "shop");
        poller.pollNow();
        assertThat(poller.status()).isEqualTo(MetricsStatus.AVAILABLE);
        assertThat(poller.latest().keySet()).containsExactlyInAnyOrder(API_0, API_1);
    }

    @Test
    void anUnreachableServerIsAFailureThatHistorySurvives() throws IOException {
        poller = new MetricsPoller(cluster.reader(), Duration.ofSeconds(15), () -> null);
        poller.track(API_0);
        poller.pollNow();
        cluster.cluster().stop();
        poller.pollNow();
        assertThat(poller.status().availability()).isEqualTo(MetricsAvailability.FAILED);
        assertThat(poller.status().message()).isEqualTo("Pod metrics cannot be read: Cannot connect to "
                + cluster.cluster().url() + " (context \"test\"): connection refused");
        assertThat(poller.history(API_0, Duration.ofMinutes(5)).getFirst().size()).isEqualTo(1);

        cluster.cluster().restart();
        cluster.nextWindow();
        poller.pollNow();
        assertThat(poller.status()).isEqualTo(MetricsStatus.AVAILABLE);
        assertThat(poller.history(API_0, Duration.ofMinutes(5)).getFirst().size()).isEqualTo(2);
    }

    @Test
    void pollsOnItsOwnThreadAtItsResolutionUntilClosed() throws Exception {
        poller = new MetricsPoller(cluster.reader(), Duration.ofMillis(200), () -> null);
        CountDownLatch three = new CountDownLatch(3);
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        poller.addListener(poll -> {
            threads.add(Thread.currentThread().getName());
            cluster.nextWindow();
            three.countDown();
        });
        poller.start();
        assertThat(three.await(30, TimeUnit.SECONDS)).isTrue();
        poller.close();
        int heard = threads.size();
        Thread.sleep(600); // three resolutions: a poller still running would have been heard again
        assertThat(threads).hasSize(heard).allMatch(name -> name.equals("podscope-metrics-test"));
        assertThat(poller.history(API_0, Duration.ofMinutes(5)).getFirst().size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theResolutionComesFromASystemProperty() {
        String old = System.getProperty(MetricsPoller.RESOLUTION_PROPERTY);
        try {
            System.setProperty(MetricsPoller.RESOLUTION_PROPERTY, "200ms");
            assertThat(MetricsPoller.configuredResolution()).isEqualTo(Duration.ofMillis(200));
            System.setProperty(MetricsPoller.RESOLUTION_PROPERTY, "1m30s");
            assertThat(MetricsPoller.configuredResolution()).isEqualTo(Duration.ofSeconds(90));
            System.setProperty(MetricsPoller.RESOLUTION_PROPERTY, "fast");
            assertThat(MetricsPoller.configuredResolution()).isEqualTo(MetricsPoller.DEFAULT_RESOLUTION);
        } finally {
            if (old == null) {
                System.clearProperty(MetricsPoller.RESOLUTION_PROPERTY);
            } else {
                System.setProperty(MetricsPoller.RESOLUTION_PROPERTY, old);
            }
        }
    }
}
