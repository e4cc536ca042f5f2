package dev.podscope.logs;

import dev.podscope.sandbox.RunningSandbox;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.ui.FxTaskExecutor;
import dev.podscope.ui.Screenshots;
import dev.podscope.ui.Themes;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Pod;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.podscope.testing.FxWait.fx;
import static dev.podscope.testing.FxWait.await;
import static dev.podscope.testing.FxWait.text;
import static dev.podscope.logs.LogPods.NS;
import static org.assertj.core.api.Assertions.assertThat;

/** The log viewer in a small stage, as a user drives it, over a real sandbox API server. */
@ExtendWith(ApplicationExtension.class)
class LogViewTest {
    @TempDir
    static Path dir;
    private static RunningSandbox sandbox;
    private static ApiClient client;

    private FxTaskExecutor tasks;
    private LogViewModel model;
    private LogView view;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = new RunningSandbox(LogPods.cluster(40), dir);
        client = sandbox.client();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Start
    void start(Stage stage) {
        Themes.apply(false);
        tasks = new FxTaskExecutor();
        model = new LogViewModel(client, tasks);
        view = new LogView(model);
        Scene scene = new Scene(view, 980, 600);
        Themes.addStylesheet(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(model::close));
        tasks.close();
    }

    @Test
    void followsTheLogAtTheBottom(FxRobot robot) {
        show("colours-1");
        await(() -> lines() > 1000);
        long first = lines();
        await(() -> lines() > first + 40);
        // the flood keeps growing between two reads, so the view must reach (not equal) what was there a moment ago
        long reached = lines();
        await(() -> lastVisible() >= reached - 1);
        assertThat(model.lines().atBottomProperty().get()).isTrue();
        assertThat(robot.lookup("#log-paused").queryButton().isVisible()).isFalse();
        assertThat(text(robot, "#log-status")).isEqualTo("Following colours-1/worker");
        assertThat(fx(() -> model.lines().lines().getLast().text())).contains("\u001b[");
        Screenshots.save(view, "logs-follow");
    }

    @Test
    void scrollingUpPausesAndTheBottomResumes(FxRobot robot) {
        show("web-0");
        await(() -> lines() > 100 && lastVisible() == lines() - 1);
        robot.moveTo("#log-lines").scroll(3, VerticalDirection.UP);
        await(() -> !model.lines().atBottomProperty().get());
        int pausedAt = lastVisible();
        await(() -> model.lines().newWhilePausedProperty().get() >= 2);
        Button paused = robot.lookup("#log-paused").queryButton();
        assertThat(paused.isVisible()).isTrue();
        assertThat(paused.getText()).matches("Paused — \\d+ new lines  ↓");
        assertThat(lastVisible()).as("the view stays where the user looks").isEqualTo(pausedAt);
        assertThat((long) pausedAt).isLessThan(lines() - 1);
        Screenshots.save(view, "logs-paused");
        // the log keeps growing while the user scrolls down, so scroll until the bottom is reached
        for (int i = 0; i < 100 && !fx(() -> model.lines().atBottomProperty().get()); i++) {
            robot.scroll(5, VerticalDirection.DOWN);
        }
        await(() -> model.lines().atBottomProperty().get());
        assertThat(paused.isVisible()).isFalse();
        long resumedAt = lines();
        await(() -> lines() > resumedAt + 2 && lastVisible() == lines() - 1);

        robot.scroll(3, VerticalDirection.UP);
        await(() -> paused.isVisible());
        robot.clickOn(paused);
        await(() -> model.lines().atBottomProperty().get() && lastVisible() == lines() - 1);
    }

    @Test
    void searchHighlightsAndMovesBetweenMatches(FxRobot robot) {
        robot.interact(() -> model.followProperty().set(false));
        show("web-0");
        await(() -> text(robot, "#log-status").startsWith("End of the log"));
        robot.clickOn("#log-lines").press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(robot.lookup("#log-search").query().isFocused()).isTrue();
        robot.write("kube-probe");
        long total = fx(() -> model.lines().lines().stream().filter(l -> l.text().contains("kube-probe")).count());
        assertThat(total).isGreaterThan(2);
        assertThat(text(robot, "#log-search-summary")).isEqualTo(total + " matches");

        robot.type(KeyCode.ENTER);
        int first = model.search().currentProperty().get();
        assertThat(fx(() -> model.lines().lines().get(first).text())).contains("kube-probe");
        assertThat(text(robot, "#log-search-summary")).isEqualTo("1 of " + total);
        robot.type(KeyCode.ENTER);
        int second = model.search().currentProperty().get();
        assertThat(second).isGreaterThan(first);
        assertThat(text(robot, "#log-search-summary")).isEqualTo("2 of " + total);
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        assertThat(model.search().currentProperty().get()).isEqualTo(first);
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        assertThat(text(robot, "#log-search-summary")).as("wraps around").isEqualTo(total + " of " + total);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> list().getSelectionModel().getSelectedIndex())).isEqualTo(first);
        Screenshots.save(view, "logs-search");
    }

    @Test
    void showsThePreviousInstanceOrSaysThereIsNone(FxRobot robot) {
        show("checkout-7d9c5");
        await(() -> text(robot, "#log-status").startsWith("End of the log"));
        robot.clickOn("#log-previous");
        await(() -> text(robot, "#log-status").equals("End of the log of checkout-7d9c5/checkout") && lines() > 3);
        assertThat(fx(() -> model.lines().lines().stream().anyMatch(l -> l.text().startsWith("Exception in thread"))))
                .isTrue();
        Screenshots.save(view, "logs-previous");

        show("web-0");
        await(() -> text(robot, "#log-status").startsWith("No previous instance"));
        assertThat(text(robot, "#log-status")).isEqualTo("No previous instance of container \"app\" of pod shop/web-0:"
                + " it has not restarted (or its old log is gone)");
    }

    @Test
    void downloadsWhatIsShown(FxRobot robot) throws Exception {
        robot.interact(() -> model.followProperty().set(false));
        show("api-5f6b8");
        robot.interact(() -> model.containerProperty().set(ContainerChoice.ALL));
        await(() -> text(robot, "#log-status").equals("End of 3 logs"));
        robot.clickOn("#log-timestamps");
        Path file = dir.resolve("api.log");
        robot.interact(() -> model.download(file));
        await(() -> text(robot, "#log-status").startsWith("Saved "));
        List<String> saved = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(saved).hasSize((int) lines());
        assertThat(saved.getFirst()).matches("\\[api-5f6b8/setup] \\d{4}-\\d\\d-\\d\\dT\\S+Z preparing config");
        assertThat(saved).anyMatch(l -> l.startsWith("[api-5f6b8/metrics-agent] "));
        assertThat(text(robot, "#log-status")).isEqualTo("Saved " + saved.size() + " lines to " + file);
    }

    @Test
    void mergesAllContainersAndWorkloadsWithColouredPrefixes(FxRobot robot) {
        show("api-5f6b8");
        assertThat(robot.lookup("#log-container").queryComboBox().getItems()).extracting(c -> ((ContainerChoice) c).label())
                .containsExactly("setup (init)", "app", "metrics-agent", "All containers");
        assertThat(((ContainerChoice) robot.lookup("#log-container").queryComboBox().getValue()).name()).isEqualTo("app");
        robot.clickOn("#log-container").clickOn("All containers");
        await(() -> model.sources().size() == 3 && lines() > 10);
        robot.clickOn("#log-lines").type(KeyCode.HOME);
        await(() -> !model.lines().atBottomProperty().get());
        robot.interact(() -> list().scrollTo(0));
        assertThat(fx(() -> model.displayText(model.lines().lines().getFirst()))).isEqualTo("[api-5f6b8/setup] preparing config");
        Screenshots.save(view, "logs-merged");

        robot.interact(() -> model.showWorkload(NS, "Deployment", "cart"));
        await(() -> model.sources().equals(List.of("cart-a/app", "cart-b/app")) && lines() > 10);
        assertThat(text(robot, "#log-status")).isEqualTo("Following 2 logs");
        robot.interact(() -> model.timestampsProperty().set(true));
        Screenshots.save(view, "logs-workload");
    }

    @Test
    void wrapsLongLinesAndShowsTimestamps(FxRobot robot) {
        robot.interact(() -> model.followProperty().set(false));
        show("web-0");
        await(() -> text(robot, "#log-status").startsWith("End of the log"));
        robot.interact(() -> list().scrollTo((int) lines() - 1));
        double plain = cellHeight();
        robot.clickOn("#log-wrap");
        WaitForAsyncUtils.waitForFxEvents();
        await(() -> cellHeight() > plain * 1.5);
        robot.clickOn("#log-timestamps");
        WaitForAsyncUtils.waitForFxEvents();
        String shown = fx(() -> model.displayText(model.lines().lines().getLast()));
        assertThat(shown).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z \\S+ - - \\[.*");
        Screenshots.save(view, "logs-wrap-timestamps");
    }

    @Test
    void aFullBufferDropsTheOldestLinesInBulkWithConsistentChanges(FxRobot robot) {
        LogViewModel small = fx(() -> new LogViewModel(client, tasks, 300));
        List<LogLine> mirror = new java.util.ArrayList<>();
        robot.interact(() -> small.lines().lines().addListener((javafx.collections.ListChangeListener<LogLine>) c -> {
            while (c.next()) {
                for (int i = 0; i < c.getRemovedSize(); i++) {
                    mirror.remove(c.getFrom());
                }
                mirror.addAll(c.getFrom(), c.getAddedSubList());
            }
        }));
        V1Pod colours = sandbox.store().get(Resources.PODS, NS, "colours-1").orElseThrow().object();
        robot.interact(() -> small.show(colours));
        await(() -> small.lines().appended() > 1100);
        assertThat(fx(() -> small.lines().lines().size())).isEqualTo(300);
        assertThat(fx(() -> List.copyOf(small.lines().lines()))).isEqualTo(fx(() -> List.copyOf(mirror)));
        robot.interact(small::close);
    }

    private void show(String pod) {
        V1Pod found = sandbox.store().get(Resources.PODS, NS, pod).orElseThrow().object();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> model.show(found)));
    }

    @SuppressWarnings("unchecked")
    private ListView<LogLine> list() {
        return (ListView<LogLine>) view.lookup("#log-lines");
    }

    private long lines() {
        return fx(() -> (long) model.lines().lines().size());
    }

    private int lastVisible() {
        return fx(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) list().lookup(".virtual-flow");
            IndexedCell<?> last = flow.getLastVisibleCell();
            return last == null ? -1 : last.getIndex();
        });
    }

    private double cellHeight() {
        return fx(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) list().lookup(".virtual-flow");
            double max = 0;
            for (int i = 0; i < flow.getCellCount(); i++) {
                max = Math.max(max, flow.getCell(i).getHeight());
            }
            return max;
        });
    }
}
