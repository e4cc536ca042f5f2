package dev.podscope.events;

import dev.podscope.pods.PodRowViewModel;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.SandboxFixtures;
import dev.podscope.sandbox.sim.Scenario;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;
import dev.podscope.session.ConnectionState;
import dev.podscope.ui.FxTaskExecutor;
import dev.podscope.ui.MainView;
import dev.podscope.ui.MainWindow;
import dev.podscope.ui.MainWindowViewModel;
import dev.podscope.ui.Screenshots;
import dev.podscope.ui.SessionFactory;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Pod;
import javafx.css.PseudoClass;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableRow;
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
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static dev.podscope.testing.FxWait.fx;
import static dev.podscope.testing.FxWait.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The namespace events view, switched to from the pod table, on a simulated sandbox cluster over HTTPS. */
@ExtendWith(ApplicationExtension.class)
class EventsViewTest {
    @TempDir
    static Path dir;
    private static Sandbox sandbox;
    private static KubeconfigSet kubeconfig;

    private FxTaskExecutor tasks;
    private MainWindowViewModel model;
    private MainWindow window;

    @BeforeAll
    static void startSandbox() throws IOException {
        sandbox = Sandbox.start(0, new SimulatorOptions().withTimeScale(0.05).withChurn(false));
        Path file = sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
        kubeconfig = KubeconfigLoader.load(new KubeconfigSource(List.of(file), true, dir));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Start
    void start(Stage stage) {
        tasks = new FxTaskExecutor();
        model = new MainWindowViewModel(kubeconfig, SessionFactory.forKubeconfig(kubeconfig), tasks, Clock.systemUTC(),
                true);
        window = new MainWindow(model);
        stage.setScene(MainWindow.scene(window, 1000, 720));
        stage.show();
        model.start();
    }

    @BeforeEach
    void live() {
        await(() -> model.table().connectionProperty().get() == ConnectionState.LIVE
                && !model.table().rows().isEmpty() && model.namespaces().size() > 1);
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(model::close));
        tasks.close();
    }

    @Test
    void showsTheNamespacesEventsLiveAndFiltersWarnings(FxRobot robot) {
        choose("shop");
        robot.clickOn("#view-events");
        assertThat(model.viewProperty().get()).isEqualTo(MainView.EVENTS);
        EventsViewModel events = model.events();
        await(() -> !events.rows().isEmpty());
        assertThat(fx(() -> events.rows().stream().allMatch(r -> r.namespace().equals("shop")))).isTrue();
        assertThat(fx(() -> events.rows().stream().anyMatch(r -> !r.warning()))).isTrue();
        assertThat(fx(() -> events.summaryProperty().get())).endsWith(" warnings in shop");
        List<Boolean> warningRows = fx(() -> robot.lookup(".events-table .table-row-cell").queryAllAs(TableRow.class)
                .stream().filter(r -> r.isVisible() && r.getItem() instanceof NamespaceEventRow e && e.warning())
                .map(r -> r.getPseudoClassStates().contains(PseudoClass.getPseudoClass("warning"))).toList());
        assertThat(warningRows).as("warning rows on screen, highlighted").isNotEmpty().containsOnly(true);
        Screenshots.save(window, "events-view");

        robot.clickOn("#events-warnings-only");
        await(() -> events.rows().stream().allMatch(NamespaceEventRow::warning));
        assertThat(events.rows()).isNotEmpty();
        Screenshots.save(window, "events-view-warnings");

        V1Pod web = sandbox.store().list(Resources.PODS, "shop").items().getFirst().object();
        CoreV1Event added = SandboxFixtures.podEvent(web, web.getMetadata().getName() + ".live-warning",
                "TestedLive", "a warning that arrives while the view is open").type("Warning");
        sandbox.store().create(Resources.EVENTS, added);
        await(() -> events.rows().stream().anyMatch(r -> r.reason().equals("TestedLive")));
        assertThat(fx(() -> events.rows().stream().map(NamespaceEventRow::lastTime).toList()))
                .as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void anEventsObjectLinkOpensThePod(FxRobot robot) {
        String crashing = sandbox.simulator().scenarioPod(Scenario.IMAGE_PULL_BACKOFF).name();
        choose("shop");
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        assertThat(model.viewProperty().get()).isEqualTo(MainView.EVENTS);
        await(() -> model.events().rows().stream().anyMatch(r -> r.name().equals(crashing)));
        NamespaceEventRow row = fx(() -> model.events().rows().stream().filter(r -> r.name().equals(crashing))
                .findFirst().orElseThrow());
        // the OBJECT column links to the pod (scrolled into view: the rows move while events arrive)
        await(() -> {
            var table = (javafx.scene.control.TableView<NamespaceEventRow>) window.lookup("#events-table");
            table.getItems().stream().filter(r -> r.name().equals(crashing)).findFirst().ifPresent(table::scrollTo);
            table.layout();
            return robot.lookup(".event-object-link").queryAllAs(Hyperlink.class).stream()
                    .anyMatch(l -> l.isVisible() && l.getText().equals("pod/" + crashing));
        });
        // the rows move while events arrive, so the row is chosen with the keyboard: select it, then Enter
        robot.interact(() -> {
            var table = (javafx.scene.control.TableView<NamespaceEventRow>) window.lookup("#events-table");
            table.getSelectionModel().select(table.getItems().stream().filter(r -> r.uid().equals(row.uid()))
                    .findFirst().orElseThrow());
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);

        await(() -> model.detail().podProperty().get() != null);
        PodRowViewModel opened = model.detail().podProperty().get();
        assertThat(opened.key().name()).isEqualTo(crashing);
        assertThat(model.viewProperty().get()).isEqualTo(MainView.PODS);
        assertThat(fx(() -> window.table().getSelectionModel().getSelectedItem())).isSameAs(opened);
    }

    private void choose(String namespace) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> model.namespaceProperty().set(model.namespaces()
                .stream().filter(c -> namespace.equals(c.name())).findFirst().orElseThrow())));
    }
}
