package dev.podscope.pods.detail;

import dev.podscope.format.PodRow;
import dev.podscope.pods.PodColumn;
import dev.podscope.pods.PodRowViewModel;
import dev.podscope.sandbox.SandboxFixtures;
import dev.podscope.sandbox.sim.Scenario;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.ui.Screenshots;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Pod;
import javafx.scene.Node;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.podscope.testing.FxWait.await;
import static dev.podscope.testing.FxWait.fx;
import static dev.podscope.testing.FxWait.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The pod detail as a user opens and reads it, on a simulated sandbox cluster over HTTPS. */
@ExtendWith(ApplicationExtension.class)
class PodDetailViewTest {
    @TempDir
    static Path dir;
    private static DetailApp app;

    @BeforeAll
    static void startSandbox() throws IOException {
        app = DetailApp.start(dir);
    }

    @AfterAll
    static void stopSandbox() {
        app.close();
    }

    @Start
    void start(Stage stage) {
        app.show(stage);
    }

    @BeforeEach
    void live() {
        app.awaitLive();
    }

    @AfterEach
    void stop() {
        app.stopWindow();
    }

    @Test
    void aCrashLoopingPodExplainsItselfWithTheExitCode(FxRobot robot) {
        String name = app.scenarioPod(Scenario.CRASH_LOOP);
        PodRowViewModel row = app.row(name);
        await(() -> row.printed().status().equals("CrashLoopBackOff"));
        assertThat(fx(() -> PodColumn.whyText(row))).as("the WHY column").contains("exit code 1");

        app.open(robot, name);
        await(() -> robot.lookup("#why-banner").query().isVisible()
                && text(robot, "#why-headline").contains("exit code 1"));
        assertThat(text(robot, "#why-headline")).startsWith("Why? ");
        assertThat(text(robot, "#detail-name")).isEqualTo(name);
        assertThat(robot.lookup("#why-banner").query().getPseudoClassStates())
                .contains(PseudoClass.getPseudoClass("error"));
        Screenshots.save(app.window, "detail-why");
        Screenshots.save(robot.lookup("#pod-detail").query(), "detail-overview");
    }

    @Test
    void aHealthyPodHasNoBannerAndItsOwnersLinkToTheirPods(FxRobot robot) {
        V1Pod web = app.pod("default", app.scenarioPod(Scenario.RUNNING));
        String name = web.getMetadata().getName();
        app.open(robot, name);
        await(() -> fx(() -> robot.lookup("#owner-deployment").tryQuery().isPresent()));
        assertThat(robot.lookup("#why-banner").query().isVisible()).isFalse();
        assertThat(text(robot, "#field-status")).isEqualTo(PodRow.of(web, Instant.now()).status());
        assertThat(text(robot, "#field-node")).isEqualTo(web.getSpec().getNodeName());
        assertThat(text(robot, "#field-qos-class")).isEqualTo(web.getStatus().getQosClass());
        assertThat(text(robot, "#owner-replicaset")).startsWith("ReplicaSet/web-");
        assertThat(text(robot, "#owner-deployment")).isEqualTo("Deployment/web");
        TableView<?> conditions = robot.lookup("#detail-conditions").queryAs(TableView.class);
        assertThat(conditions.getItems()).hasSize(web.getStatus().getConditions().size());

        robot.clickOn("#owner-deployment");
        await(() -> !app.model.table().filterTextProperty().get().isEmpty());
        assertThat(app.model.table().filterTextProperty().get()).isEqualTo("app=web");
        List<String> shown = fx(() -> app.model.table().rows().stream().map(r -> r.key().name()).toList());
        assertThat(shown).isNotEmpty().allMatch(n -> n.startsWith("web-"));
    }

    @Test
    void containersShowInitContainersSidecarsAndAppContainers(FxRobot robot) {
        String frontend = app.scenarioPod(Scenario.SIDECAR);
        app.open(robot, frontend);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        assertThat(app.model.detail().tabProperty().get()).isEqualTo(DetailTab.CONTAINERS);
        V1Pod pod = app.pod("shop", frontend);
        String sidecar = pod.getSpec().getInitContainers().getFirst().getName();
        String main = pod.getSpec().getContainers().getFirst().getName();
        await(() -> robot.lookup("#container-kind-" + sidecar).tryQuery().isPresent());
        assertThat(text(robot, "#container-kind-" + sidecar)).isEqualTo("sidecar");
        assertThat(text(robot, "#container-kind-" + main)).isEqualTo("container");
        assertThat(text(robot, "#container-image-" + main)).isEqualTo(pod.getSpec().getContainers().getFirst().getImage());
        assertThat(text(robot, "#container-readiness-" + main)).startsWith("http-get http://:");
        Screenshots.save(robot.lookup("#pod-detail").query(), "detail-containers");

        robot.type(KeyCode.ESCAPE);
        await(() -> app.model.detail().podProperty().get() == null);
        String initDemo = "init-demo";
        app.open(robot, initDemo);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        await(() -> robot.lookup("#container-kind-wait-for-db").tryQuery().isPresent());
        assertThat(text(robot, "#container-kind-wait-for-db")).isEqualTo("init");
        assertThat(text(robot, "#container-kind-migrate")).isEqualTo("init");
        List<String> order = fx(() -> app.model.detail().containers().stream().map(ContainerFacts::name).toList());
        assertThat(order).containsExactly("wait-for-db", "migrate", "app");
    }

    @Test
    void eventsAreListedLiveWithWarningsHighlighted(FxRobot robot) {
        String name = app.scenarioPod(Scenario.IMAGE_PULL_BACKOFF);
        app.open(robot, name);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        assertThat(app.model.detail().tabProperty().get()).isEqualTo(DetailTab.EVENTS);
        PodEventsViewModel events = app.model.detail().events();
        await(() -> !events.rows().isEmpty());
        assertThat(fx(() -> events.rows().stream().anyMatch(r -> r.warning() && r.reason().equals("Failed")))).isTrue();
        assertThat(fx(() -> events.rows().stream().anyMatch(r -> r.age().contains(" (x")))).as("repeated events").isTrue();

        V1Pod pod = app.pod("shop", name);
        CoreV1Event added = SandboxFixtures.podEvent(pod, name + ".test-live", "TestedLive", "added while the tab is open");
        app.sandbox.store().create(Resources.EVENTS, added);
        await(() -> events.rows().stream().anyMatch(r -> r.reason().equals("TestedLive")));
        assertThat(fx(() -> events.rows().getLast().reason())).as("newest last").isEqualTo("TestedLive");
        List<Boolean> warningRows = fx(() -> robot.lookup(".detail-events .table-row-cell").queryAllAs(TableRow.class)
                .stream().filter(r -> r.isVisible() && r.getItem() instanceof EventRow e && e.warning())
                .map(r -> r.getPseudoClassStates().contains(PseudoClass.getPseudoClass("warning"))).toList());
        assertThat(warningRows).as("warning rows on screen, highlighted").isNotEmpty().containsOnly(true);
        Screenshots.save(robot.lookup("#pod-detail").query(), "detail-events");
    }

    @Test
    void logsTabFollowsTheDefaultContainerAndClosingStopsIt(FxRobot robot) {
        String name = app.scenarioPod(Scenario.SIDECAR);
        app.open(robot, name);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        var logs = app.model.detail().logsProperty().get();
        await(() -> logs.lines().lines().size() > 5);
        assertThat(logs.streamingProperty().get()).isTrue();
        Screenshots.save(robot.lookup("#pod-detail").query(), "detail-logs");

        robot.press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL);
        assertThat(app.model.detail().tabProperty().get()).isEqualTo(DetailTab.YAML);
        await(() -> app.model.detail().yamlProperty().get().contains("name: " + name));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        assertThat(app.model.detail().tabProperty().get()).isEqualTo(DetailTab.OVERVIEW);

        robot.type(KeyCode.ESCAPE);
        await(() -> app.model.detail().podProperty().get() == null);
        assertThat(logs.streamingProperty().get()).isFalse();
        assertThat(app.window.table().isFocused()).isTrue();
    }

    @Test
    void onlyTheShownTabIsInTheSceneAndItsContentIsKept(FxRobot robot) {
        String name = app.scenarioPod(Scenario.IMAGE_PULL_BACKOFF);
        app.open(robot, name);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        await(() -> robot.lookup("#detail-conditions").tryQuery().isPresent());
        Node conditions = robot.lookup("#detail-conditions").query();
        assertThat(robot.lookup("#detail-events").tryQuery()).as("the Events tab is not shown").isEmpty();
        assertThat(robot.lookup("#detail-yaml").tryQuery()).isEmpty();
        assertThat(robot.lookup("#detail-containers").tryQuery()).isEmpty();

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        await(() -> robot.lookup("#detail-events").tryQuery().isPresent());
        assertThat(robot.lookup("#detail-conditions").tryQuery()).as("the Overview left the scene").isEmpty();
        PodEventsViewModel events = app.model.detail().events();
        await(() -> !events.rows().isEmpty());
        TableView<?> table = robot.lookup("#detail-events").queryAs(TableView.class);
        assertThat(fx(() -> List.copyOf(table.getItems()))).isEqualTo(fx(() -> List.copyOf(events.rows())));

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        await(() -> robot.lookup("#detail-conditions").tryQuery().isPresent());
        assertThat((Object) robot.lookup("#detail-conditions").query()).as("built once, then kept").isSameAs(conditions);
    }
}
