package dev.podscope.ui;

import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;
import dev.podscope.format.PodRow;
import dev.podscope.pods.PodColumn;
import dev.podscope.pods.PodKey;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.session.ConnectionState;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1Pod;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
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
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** 10,000 pods and a burst of 2,000 changes reach the table intact, sorted by a column the changes move. */
@ExtendWith(ApplicationExtension.class)
class LargeClusterTest {
    private static final int PODS = 10_000;

    @TempDir
    Path home;
    private Sandbox sandbox;
    private MainWindowViewModel model;
    private MainWindow window;
    private FxTaskExecutor tasks;

    @Start
    void start(Stage stage) throws IOException {
        sandbox = Sandbox.start(0, new SimulatorOptions().withPods(PODS).withNamespaces(20).withTimeScale(100_000));
        Path file = sandbox.writeKubeconfig(home.resolve("config"));
        KubeconfigSet kubeconfig = KubeconfigLoader.load(new KubeconfigSource(List.of(file), true, home));
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
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(model::close));
        tasks.close();
        sandbox.close();
    }

    @Test
    void aBurstOfChangesToTenThousandPodsArrivesWhole(FxRobot robot) {
        int total = sandbox.store().list(Resources.PODS, null).items().size();
        await(() -> model.table().connectionProperty().get() == ConnectionState.LIVE
                && model.table().rows().size() == total);
        robot.interact(() -> window.table().getSortOrder().setAll(window.table().column(PodColumn.STATUS)));
        int batchesBefore = model.table().batchesAppliedProperty().get();

        List<V1Pod> running = SandboxClusters.pods(sandbox.store(), null).stream()
                .filter(p -> "Running".equals(p.getStatus().getPhase()) && p.getMetadata().getDeletionTimestamp() == null)
                .limit(2_000).toList();
        AtomicInteger changed = new AtomicInteger();
        for (V1Pod pod : running) {
            sandbox.store().modify(Resources.PODS, pod.getMetadata().getNamespace(), pod.getMetadata().getName(), p -> {
                p.getStatus().getContainerStatuses().getFirst().ready(false).started(false).state(
                        new V1ContainerState().waiting(new V1ContainerStateWaiting().reason("CrashLoopBackOff")));
                changed.incrementAndGet();
                return p;
            });
        }

        Map<PodKey, String> expected = SandboxClusters.pods(sandbox.store(), null).stream()
                .collect(Collectors.toMap(PodKey::of, p -> PodRow.of(p, Instant.now()).status()));
        assertThat(expected.values().stream().filter("CrashLoopBackOff"::equals).count()).isEqualTo(changed.get());
        await(() -> model.table().rows().stream().allMatch(r -> r.printed().status().equals(expected.get(r.key()))));
        assertThat(model.table().rows()).hasSize(total);
        List<String> statuses = model.table().rows().stream().map(r -> r.printed().status()).toList();
        assertThat(statuses).isSorted();
        assertThat(model.table().batchesAppliedProperty().get() - batchesBefore).isPositive();
    }

    private static void await(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (TimeoutException e) {
            throw new AssertionError("condition not reached", e);
        }
    }
}
