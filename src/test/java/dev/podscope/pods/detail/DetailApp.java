package dev.podscope.pods.detail;

import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;
import dev.podscope.pods.PodRowViewModel;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.sim.Scenario;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.session.ConnectionState;
import dev.podscope.ui.FxTaskExecutor;
import dev.podscope.ui.MainWindow;
import dev.podscope.ui.MainWindowViewModel;
import dev.podscope.ui.SessionFactory;
import io.kubernetes.client.openapi.models.V1Pod;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static dev.podscope.testing.FxWait.await;
import static dev.podscope.testing.FxWait.fx;

/**
 * The desktop app's main window on a simulated sandbox cluster (its simulator running 20 times faster than real
 * time, no rolling restarts), as the detail and events tests drive it.
 */
final class DetailApp {
    private static final SimulatorOptions FAST = new SimulatorOptions().withTimeScale(0.05).withChurn(false);

    final Sandbox sandbox;
    final KubeconfigSet kubeconfig;
    FxTaskExecutor tasks;
    MainWindowViewModel model;
    MainWindow window;

    private DetailApp(Sandbox sandbox, KubeconfigSet kubeconfig) {
        this.sandbox = sandbox;
        this.kubeconfig = kubeconfig;
    }

    static DetailApp start(Path dir) throws IOException {
        Sandbox sandbox = Sandbox.start(0, FAST);
        Path file = sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
        return new DetailApp(sandbox, KubeconfigLoader.load(new KubeconfigSource(List.of(file), true, dir)));
    }

    /** Shows the window on {@code stage} and opens the sandbox context. */
    void show(Stage stage) {
        tasks = new FxTaskExecutor();
        model = new MainWindowViewModel(kubeconfig, SessionFactory.forKubeconfig(kubeconfig), tasks, Clock.systemUTC(),
                true);
        window = new MainWindow(model);
        stage.setScene(MainWindow.scene(window, 1000, 980));
        stage.show();
        model.start();
        window.table().requestFocus();
    }

    /** Call from the test thread (not from {@code @Start}, which runs on the FX thread). */
    void awaitLive() {
        await(() -> model.table().connectionProperty().get() == ConnectionState.LIVE
                && !model.table().rows().isEmpty());
    }

    void stopWindow() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(model::close));
        tasks.close();
    }

    void close() {
        sandbox.close();
    }

    String scenarioPod(Scenario scenario) {
        return sandbox.simulator().scenarioPod(scenario).name();
    }

    V1Pod pod(String namespace, String name) {
        return sandbox.store().get(Resources.PODS, namespace, name).map(s -> s.object()).orElseThrow();
    }

    /** The table's row of the pod named {@code name}, once the table has it. */
    PodRowViewModel row(String name) {
        await(() -> model.table().rows().stream().anyMatch(r -> r.key().name().equals(name)));
        return fx(() -> model.table().rows().stream().filter(r -> r.key().name().equals(name)).findFirst().orElseThrow());
    }

    /** Selects the pod in the table and opens it with Enter, as a user does. */
    void open(FxRobot robot, String name) {
        PodRowViewModel row = row(name);
        robot.interact(() -> {
            window.table().getSelectionModel().select(row);
            window.table().scrollTo(row);
            window.table().requestFocus();
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
        await(() -> model.detail().podProperty().get() == row);
    }
}
