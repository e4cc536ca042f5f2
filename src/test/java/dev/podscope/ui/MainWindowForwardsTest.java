package dev.podscope.ui;

import dev.podscope.bundle.open.BundleContexts;
import dev.podscope.pods.PodRowViewModel;
import dev.podscope.portforward.ForwardFavourites;
import dev.podscope.portforward.ForwardManager;
import dev.podscope.portforward.ForwardRowViewModel;
import dev.podscope.portforward.ForwardState;
import dev.podscope.portforward.ForwardTarget;
import dev.podscope.session.ConnectionState;
import dev.podscope.testing.MutableClock;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import java.time.Instant;

import static dev.podscope.testing.FxWait.fx;
import static dev.podscope.testing.FxWait.await;
import static dev.podscope.testing.FxWait.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Port-forwards and probes from the main window: the pod menu and keys, the panel toggle, and the favourites a
 * context offers when it opens. Against the real sandbox clusters of {@link SandboxClusters}.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowForwardsTest {
    @TempDir
    static Path home;
    private static SandboxClusters clusters;
    private static ForwardFavourites favourites;

    private MainWindowViewModel model;
    private MainWindow window;
    private FxTaskExecutor tasks;
    private ForwardManager manager;

    @BeforeAll
    static void startClusters() throws IOException {
        clusters = SandboxClusters.start(home);
        favourites = new ForwardFavourites(home.resolve("forward-favourites.json"));
        favourites.add("dev", new ForwardFavourites.Favourite(ForwardTarget.service("default", "web", "80"), 0,
                "127.0.0.1"));
    }

    @AfterAll
    static void stopClusters() {
        clusters.close();
    }

    @Start
    void start(Stage stage) {
        tasks = new FxTaskExecutor();
        manager = new ForwardManager();
        model = new MainWindowViewModel(clusters.kubeconfig(), SessionFactory.forKubeconfig(clusters.kubeconfig()),
                tasks, new MutableClock(Instant.now()), true, new BundleContexts(), manager, favourites);
        window = new MainWindow(model);
        stage.setScene(MainWindow.scene(window, 1000, 720));
        stage.show();
        model.start();
        window.table().requestFocus();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(model::close));
        tasks.close();
    }

    @Test
    void theContextsFavouritesAreOfferedAtStartUpAndStartInOneClick(FxRobot robot) {
        await(() -> window.lookup("#favourites-offer") != null && window.lookup("#favourites-offer").isVisible());
        assertThat(fx(() -> model.forwardsShownProperty().get())).as("the offer opens the panel").isTrue();
        assertThat(text(robot, "#favourites-offer-text"))
                .isEqualTo("1 favourite port-forward of context dev: default/svc/web 80");
        robot.clickOn("#favourites-start");
        await(() -> model.forwards().rows().size() == 1
                && model.forwards().rows().getFirst().state() == ForwardState.ACTIVE);
        assertThat(fx(() -> model.forwards().rows().getFirst().status().target()))
                .isEqualTo(ForwardTarget.service("default", "web", "80"));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        await(() -> !model.forwardsShownProperty().get() && window.lookup("#forwards-view") == null);
        robot.clickOn("#forwards-toggle");
        await(() -> window.lookup("#forwards-view") != null);
    }

    @Test
    void podMenuStartsAForwardAndKeysOpenTheProbeDialog(FxRobot robot) {
        await(() -> model.table().connectionProperty().get() == ConnectionState.LIVE && !model.table().rows().isEmpty());
        robot.clickOn("#favourites-dismiss");
        PodRowViewModel web = fx(() -> model.table().rows().stream()
                .filter(r -> "web".equals(r.labels().get("app")) && "Running".equals(r.phase())).findFirst().orElseThrow());
        // headless, a right click does not select the row as a real one does: select it first
        robot.clickOn(rowOf(robot, web)).rightClickOn(rowOf(robot, web));
        robot.clickOn("#pod-forward");
        await(() -> window(robot, "#start-forward") != null);
        robot.interact(() -> ((javafx.scene.control.TextField) window(robot, "#start-forward")
                .getScene().lookup("#start-forward-local")).setText(""));
        Window dialog = fx(() -> window(robot, "#start-forward"));
        javafx.scene.control.Label error = (javafx.scene.control.Label) dialog.getScene().lookup("#start-forward-error");
        robot.clickOn("#start-forward-start");
        await(() -> model.forwards().rows().size() == 1 || error.getText() != null);
        assertThat(fx(error::getText)).isNull();
        ForwardRowViewModel row = fx(() -> model.forwards().rows().getFirst());
        assertThat(row.state()).isEqualTo(ForwardState.ACTIVE);
        assertThat(row.status().target()).isEqualTo(ForwardTarget.pod(web.key().namespace(), web.key().name(), "80"));
        assertThat(window.lookup("#forwards-view")).isNotNull();
        Screenshots.save(window, "main-forwards");

        robot.clickOn(rowOf(robot, web));
        robot.press(KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT);
        await(() -> window(robot, "#probe-dialog") != null);
        assertThat(fx(() -> ((Stage) window(robot, "#probe-dialog")).getTitle()))
                .isEqualTo("Run probe now — default/" + web.key().name());
        robot.interact(() -> ((Stage) window(robot, "#probe-dialog")).close());
    }

    /** The window whose scene holds {@code query}, or null; call it on the FX thread. */
    private static Window window(FxRobot robot, String query) {
        return robot.listWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup(query) != null).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private Node rowOf(FxRobot robot, PodRowViewModel pod) {
        robot.interact(() -> window.table().scrollTo(pod));
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() == pod).findFirst()
                .orElseThrow(() -> new AssertionError(pod + " is not on screen"));
    }
}
