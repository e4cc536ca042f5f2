package dev.podscope.metrics;

import dev.podscope.sandbox.PodStateFixtures;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.ui.Screenshots;
import dev.podscope.ui.Themes;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.podscope.testing.FxWait.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Metrics tab as a user sees it, fed by a poller at 200 ms against a sandbox whose clock moves one metrics
 * window per poll: the charts grow live, the window can be switched, and without metrics a plain message shows.
 */
@ExtendWith(ApplicationExtension.class)
class ContainerGraphsViewTest {
    private static Path dir;
    private MetricsCluster cluster;
    private MetricsPoller poller;
    private ContainerGraphsViewModel model;
    private StackPane root;

    @Start
    void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("graphs");
        cluster = new MetricsCluster(dir);
        cluster.cluster().store().create(Resources.PODS, web());
        root = new StackPane();
        Scene scene = new Scene(root, 900, 620);
        Themes.addStylesheet(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        if (model != null) {
            WaitForAsyncUtils.asyncFx(model::close);
        }
        if (poller != null) {
            poller.close();
        }
        cluster.close();
    }

    @Test
    void chartsGrowLiveWithRequestAndLimitLines(FxRobot robot) throws IOException {
        poller = new MetricsPoller(cluster.reader(), Duration.ofMillis(200), () -> null);
        open(robot, web());
        assertThat(text(robot)).isEqualTo("Waiting for the first sample, resolution 200 ms"
                + " (a container has metrics once it has run a whole window)");

        poller.addListener(poll -> cluster.nextWindow());
        poller.start();
        await(() -> points(robot, "#cpu-app") >= 3);
        assertThat(model.containers()).extracting(ContainerGraphViewModel::name)
                .containsExactly("log-shipper", "app", "metrics-agent");
        int earlier = points(robot, "#cpu-app");
        // every chart grows: the other containers' too
        await(() -> points(robot, "#cpu-app") > earlier && points(robot, "#memory-metrics-agent") > earlier
                && points(robot, "#cpu-log-shipper") > earlier);
        ContainerLimits app = model.containers().get(1).limitsProperty().get();
        assertThat(List.of(app.cpuRequest(), app.cpuLimit(), app.memoryRequest(), app.memoryLimit()))
                .containsExactly(100.0, 300.0, 128.0, 256.0);

        await(() -> points(robot, "#cpu-app") >= 21);
        poller.close();
        robot.interact(() -> { });
        assertThat(robot.lookup("#metrics-message").queryAs(Label.class).isVisible()).isFalse();
        Screenshots.save(root, "metrics-graphs");

        robot.clickOn("#window-30m");
        assertThat(model.windowProperty().get()).isEqualTo(UsageWindow.THIRTY_MINUTES);
        assertThat(chart(robot, "#cpu-app").points()).isGreaterThanOrEqualTo(21);
    }

    @Test
    void withoutAMetricsApiAPlainMessageInsteadOfCharts(FxRobot robot) throws IOException {
        cluster.cluster().metricsApi(false);
        poller = new MetricsPoller(cluster.reader(), Duration.ofSeconds(15), () -> null);
        poller.pollNow();
        open(robot, web());
        assertThat(text(robot)).isEqualTo(MetricsStatus.ABSENT_MESSAGE);
        assertThat(robot.lookup("#metrics-message").queryAs(Label.class).isVisible()).isTrue();
        Screenshots.save(root, "metrics-unavailable");
    }

    @Test
    void aPendingPodHasNoMetricsAndSaysWhy(FxRobot robot) throws IOException {
        poller = new MetricsPoller(cluster.reader(), Duration.ofSeconds(15), () -> null);
        poller.pollNow();
        open(robot, PodStateFixtures.waiting("shop", "payments-0", "node-1", "ContainerCreating"));
        assertThat(text(robot)).isEqualTo("No metrics while the pod is Pending: metrics.k8s.io reports running"
                + " containers only");
    }

    /** A pod with a native sidecar and CPU and memory limits on its app container. */
    private static V1Pod web() {
        V1Pod pod = PodStateFixtures.twoContainers("shop", "web-0", "node-1");
        V1Container sidecar = pod.getSpec().getInitContainers().getFirst().name("log-shipper").restartPolicy("Always");
        V1ContainerStatus status = pod.getStatus().getContainerStatuses().getFirst();
        pod.getStatus().setInitContainerStatuses(List.of(new V1ContainerStatus().name("log-shipper")
                .image(sidecar.getImage()).imageID("").ready(true).started(true).restartCount(0)
                .state(status.getState())));
        Map<String, Quantity> limits = new HashMap<>(pod.getSpec().getContainers().getFirst().getResources()
                .getLimits());
        limits.put("cpu", Quantity.fromString("300m"));
        pod.getSpec().getContainers().getFirst().getResources().setLimits(limits);
        return pod;
    }

    private void open(FxRobot robot, V1Pod pod) {
        robot.interact(() -> {
            model = new ContainerGraphsViewModel(poller);
            root.getChildren().setAll(new ContainerGraphsView(model));
            model.show(pod);
        });
    }

    private static String text(FxRobot robot) {
        return robot.lookup("#metrics-message").queryAs(Label.class).getText();
    }

    private static UsageChartView chart(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(UsageChartView.class);
    }

    private static int points(FxRobot robot, String id) {
        var found = robot.lookup(id).tryQueryAs(UsageChartView.class);
        return found.map(UsageChartView::points).orElse(0);
    }
}
