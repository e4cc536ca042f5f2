package dev.podscope.ui;

import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;
import dev.podscope.metrics.MetricsPoller;
import dev.podscope.metrics.PodUsage;
import dev.podscope.pods.PodColumn;
import dev.podscope.pods.PodRowViewModel;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.sim.SimulatorOptions;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static dev.podscope.testing.FxWait.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CPU and MEMORY in the pod table, from the window's metrics poller (200 ms here) on a simulated sandbox: shown
 * while the metrics API answers, with kubectl top's values, sorted by number; gone when the API goes away.
 */
@ExtendWith(ApplicationExtension.class)
class PodTableMetricsTest {
    @TempDir
    static Path home;
    private static Sandbox sandbox;
    private static KubeconfigSet kubeconfig;
    private static String previousResolution;

    private MainWindowViewModel model;
    private MainWindow window;
    private FxTaskExecutor tasks;

    @BeforeAll
    static void startSandbox() throws IOException {
        previousResolution = System.setProperty(MetricsPoller.RESOLUTION_PROPERTY, "200ms");
        sandbox = Sandbox.start(0, new SimulatorOptions().withTimeScale(100_000));
        Path file = sandbox.writeKubeconfig(home.resolve("config"));
        kubeconfig = KubeconfigLoader.load(new KubeconfigSource(List.of(file), true, home));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
        if (previousResolution == null) {
            System.clearProperty(MetricsPoller.RESOLUTION_PROPERTY);
        } else {
            System.setProperty(MetricsPoller.RESOLUTION_PROPERTY, previousResolution);
        }
    }

    @Start
    void start(Stage stage) {
        tasks = new FxTaskExecutor();
        model = new MainWindowViewModel(kubeconfig, SessionFactory.forKubeconfig(kubeconfig), tasks,
                Clock.systemUTC(), true);
        window = new MainWindow(model);
        stage.setScene(MainWindow.scene(window, 1000, 720));
        stage.show();
        model.start();
    }

    @AfterEach
    void stop() {
        sandbox.metricsApi(true);
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(model::close));
        tasks.close();
    }

    @Test
    void cpuAndMemoryAsKubectlTopPrintsThemSortedByNumber(FxRobot robot) {
        await(() -> model.table().metricsShownProperty().get() && model.table().rows().size() > 10);
        assertThat(window.table().column(PodColumn.CPU).isVisible()).isTrue();
        assertThat(window.table().column(PodColumn.MEMORY).isVisible()).isTrue();
        MetricsPoller poller = model.metricsProperty().get();
        assertThat(poller.context()).isEqualTo("podscope-sandbox");

        PodRowViewModel measured = model.table().rows().stream().filter(r -> r.usage() != null).findFirst()
                .orElseThrow();
        robot.interact(() -> window.table().scrollTo(measured));
        // a poll may land between reading the cells and the usage: compare a pair read without one in between
        await(() -> { // on the FX thread, where the cells and the usage change
            PodUsage usage = measured.usage();
            return (Math.ceilDiv(usage.nanoCores(), 1_000_000L) + "m").equals(cellNow(measured, PodColumn.CPU))
                    && (usage.bytes() / (1024 * 1024) + "Mi").equals(cellNow(measured, PodColumn.MEMORY));
        });

        robot.interact(() -> { // descending: the busiest first
            var column = window.table().column(PodColumn.CPU);
            column.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            window.table().getSortOrder().setAll(column);
        });
        List<Long> cpus = new ArrayList<>();
        robot.interact(() -> model.table().rows().forEach(r -> cpus.add(r.usage() == null ? -1 : r.usage().nanoCores())));
        assertThat(cpus.getFirst()).isPositive();
        assertThat(cpus).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        robot.interact(() -> window.table().scrollTo(0));
        Screenshots.save(window, "pod-table-metrics");
    }

    @Test
    void theColumnsGoWhenTheMetricsApiDoes(FxRobot robot) {
        await(() -> model.table().metricsShownProperty().get());
        sandbox.metricsApi(false);
        await(() -> !window.table().column(PodColumn.CPU).isVisible());
        assertThat(window.table().column(PodColumn.MEMORY).isVisible()).isFalse();
        sandbox.metricsApi(true);
        await(() -> window.table().column(PodColumn.CPU).isVisible());
    }

    /** The text of {@code row}'s cell in {@code column}, read on the FX thread once the row is laid out. */
    private String cell(PodRowViewModel row, PodColumn column) {
        String[] text = new String[1];
        await(() -> { // on the FX thread
            text[0] = cellNow(row, column);
            return text[0] != null;
        });
        return text[0];
    }

    /** The text of {@code row}'s cell in {@code column}, or null while the row is not laid out; on the FX thread. */
    private String cellNow(PodRowViewModel row, PodColumn column) {
        return window.table().lookupAll(".table-row-cell").stream()
                .map(node -> (TableRow<?>) node).filter(r -> r.getItem() == row).findFirst()
                .map(r -> ((Labeled) r.lookup("." + column.name().toLowerCase() + "-cell")).getText())
                .orElse(null);
    }
}
