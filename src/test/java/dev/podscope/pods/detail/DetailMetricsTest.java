package dev.podscope.pods.detail;

import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;
import dev.podscope.metrics.MetricsPoller;
import dev.podscope.pods.PodRowViewModel;
import dev.podscope.sandbox.PodStateFixtures;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.session.ConnectionState;
import dev.podscope.session.TestCluster;
import dev.podscope.testing.MutableClock;
import dev.podscope.ui.FxTaskExecutor;
import dev.podscope.ui.MainWindow;
import dev.podscope.ui.MainWindowViewModel;
import dev.podscope.ui.Screenshots;
import dev.podscope.ui.SessionFactory;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.podscope.testing.FxWait.await;
import static dev.podscope.testing.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Metrics tab of the detail, fed by the window's own poller at 200 ms against a sandbox whose clock moves one
 * metrics window (15 s) per poll: the graphs of the opened pod grow while it is open.
 */
@ExtendWith(ApplicationExtension.class)
class DetailMetricsTest {
    @TempDir
    static Path dir;
    private static TestCluster cluster;
    private static MutableClock clock;
    private static KubeconfigSet kubeconfig;
    private FxTaskExecutor tasks;
    private MainWindowViewModel model;
    private MainWindow window;

    /** The cluster starts off the FX thread: {@code @Start} runs on it, with a time limit. */
    @BeforeAll
    static void startCluster() throws IOException {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock = new MutableClock(start.minusSeconds(start.getEpochSecond() % 15).plusSeconds(7));
        ClusterStore store = new ClusterStore(clock, 1_000, 3);
        store.create(Resources.NAMESPACES, new V1Namespace().metadata(new V1ObjectMeta().name("shop")));
        store.create(Resources.PODS, PodStateFixtures.twoContainers("shop", "api-0", "node-1"));
        store.create(Resources.PODS, PodStateFixtures.crashLooping("shop", "checkout-0", "node-1", 3));
        cluster = TestCluster.start(store);
        Path file = cluster.kubeconfig(dir.resolve("kubeconfig"), "test", "shop", TestCluster.ADMIN_TOKEN);
        kubeconfig = KubeconfigLoader.load(new KubeconfigSource(List.of(file), true, dir));
        System.setProperty(MetricsPoller.RESOLUTION_PROPERTY, "200ms");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
        System.clearProperty(MetricsPoller.RESOLUTION_PROPERTY);
    }

    @Start
    void start(Stage stage) {
        tasks = new FxTaskExecutor();
        model = new MainWindowViewModel(kubeconfig, SessionFactory.forKubeconfig(kubeconfig), tasks, clock, false);
        window = new MainWindow(model);
        stage.setScene(MainWindow.scene(window, 1000, 900));
        stage.show();
        model.start();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(model::close));
        tasks.close();
    }

    @Test
    void theOpenedPodsGraphsGrowWhileItIsOpen(FxRobot robot) {
        await(() -> model.table().connectionProperty().get() == ConnectionState.LIVE
                && model.table().rows().size() == 2 && model.metricsProperty().get() != null);
        model.metricsProperty().get().addListener(poll -> clock.advance(Duration.ofSeconds(15)));
        PodRowViewModel api = fx(() -> model.table().row(new dev.podscope.pods.PodKey("shop", "api-0")));
        robot.interact(() -> {
            window.table().getSelectionModel().select(api);
            window.table().requestFocus();
        });
        robot.type(KeyCode.ENTER);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        assertThat(model.detail().tabProperty().get()).isEqualTo(DetailTab.METRICS);

        await(() -> points(robot, "#cpu-app") >= 3);
        // the 5-minute window may already be full: the newest sample moving on is what shows it is live
        long earlier = fx(() -> newest("app"));
        await(() -> newest("app") > earlier);
        await(() -> points(robot, "#memory-app") >= 6);
        Screenshots.save(robot.lookup("#pod-detail").query(), "detail-metrics");

        robot.type(KeyCode.ESCAPE);
        await(() -> model.detail().podProperty().get() == null);
        assertThat(fx(() -> model.detail().graphsProperty().get().containers())).as("closing stops the graphs").isEmpty();
    }

    /** The newest sample's time (epoch seconds) in a container's graphs; FX thread. */
    private long newest(String container) {
        return model.detail().graphsProperty().get().containers().stream().filter(c -> c.name().equals(container))
                .findFirst().map(c -> c.samplesProperty().get()).filter(s -> !s.series().isEmpty())
                .map(s -> s.series().epochSeconds()[s.series().size() - 1]).orElse(0L);
    }

    /** Samples of a container's chart, {@code #cpu-NAME} or {@code #memory-NAME}, once its chart is on screen; FX thread. */
    private int points(FxRobot robot, String id) {
        String container = id.substring(id.indexOf('-') + 1);
        return robot.lookup(id).tryQuery().isEmpty() ? 0 : model.detail().graphsProperty().get().containers()
                .stream().filter(c -> c.name().equals(container)).findFirst()
                .map(c -> c.samplesProperty().get() == null ? 0 : c.samplesProperty().get().series().size()).orElse(0);
    }
}
