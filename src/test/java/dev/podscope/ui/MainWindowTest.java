package dev.podscope.ui;

import dev.podscope.testing.MutableClock;
import dev.podscope.format.PodRow;
import dev.podscope.kube.ClientFactory;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.pods.PodColumn;
import dev.podscope.pods.PodRowViewModel;
import dev.podscope.pods.PodTableView;
import dev.podscope.session.ConnectionState;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextArea;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static dev.podscope.testing.FxWait.await;
import static dev.podscope.testing.FxWait.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main window as a user drives it, against real sandbox clusters over HTTPS (see {@link SandboxClusters}).
 * Expected rows are read from the sandbox's store at the time of the assertion.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path home;
    private static SandboxClusters clusters;
    private static KubeconfigSet kubeconfig;

    private MainWindowViewModel model;
    private MainWindow window;
    private FxTaskExecutor tasks;
    private MutableClock clock;

    @BeforeAll
    static void startClusters() throws IOException {
        clusters = SandboxClusters.start(home);
        kubeconfig = clusters.kubeconfig();
    }

    @AfterAll
    static void stopClusters() {
        clusters.close();
    }

    @Start
    void start(Stage stage) {
        tasks = new FxTaskExecutor();
        clock = new MutableClock(Instant.now());
        model = new MainWindowViewModel(kubeconfig, SessionFactory.forKubeconfig(kubeconfig), tasks, clock, true);
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
    void showsTheCurrentContextsPodsWithCountsAndServer(FxRobot robot) {
        List<V1Pod> pods = SandboxClusters.pods(clusters.dev().store(), null);
        awaitLiveWith(pods.size());

        assertThat(text(robot, "#status-context")).isEqualTo("dev");
        assertThat(text(robot, "#status-server")).isEqualTo(clusters.dev().server().server().toString());
        assertThat(text(robot, "#status-counts")).isEqualTo(phaseSummary(pods));
        assertThat(text(robot, "#status-connection")).isEqualTo("Live");
        assertThat(text(robot, "#sandbox-banner")).isEqualTo("Sandbox cluster — simulated, not a real cluster");
        V1Pod web = first(pods, p -> "web".equals(p.getMetadata().getLabels().get("app")));
        String name = web.getMetadata().getName();
        PodRow expected = PodRow.of(web, clock.instant());
        for (PodColumn column : List.of(PodColumn.NAMESPACE, PodColumn.READY, PodColumn.STATUS, PodColumn.RESTARTS,
                PodColumn.AGE, PodColumn.NODE, PodColumn.IP, PodColumn.OWNER)) {
            assertThat(cell(robot, name, column)).as(column.header()).isEqualTo(column.text(expected));
        }
        assertThat(cell(robot, name, PodColumn.OWNER)).isEqualTo("Deployment/web");
        robot.interact(() -> window.table().scrollTo(0));
        Screenshots.save(window, "main-light");
    }

    @Test
    void filtersByNameSelectorAndStatus(FxRobot robot) {
        List<V1Pod> pods = SandboxClusters.pods(clusters.dev().store(), null);
        awaitLiveWith(pods.size());

        robot.clickOn("#filter").write("orders");
        await(() -> shownNames().equals(names(pods, p -> p.getMetadata().getName().contains("orders"))));

        robot.eraseText(6).write("app=web,tier!=db");
        await(() -> shownNames().equals(names(pods, p -> "web".equals(p.getMetadata().getLabels().get("app")))));

        robot.eraseText(16).write("status:OOMKilled,Terminating");
        await(() -> shownNames().equals(names(pods,
                p -> List.of("OOMKilled", "Terminating").contains(PodRow.of(p, clock.instant()).status()))));
        assertThat(shownNames()).hasSize(3); // import-orders, stuck-terminating, etl-runner (on the lost node)
        Screenshots.save(window, "filtered");

        robot.eraseText(28).write("app=web");
        await(() -> shownNames().size() == 3);
        robot.write("==x");
        await(() -> robot.lookup("#filter-error").queryAs(Label.class).isVisible());
        assertThat(text(robot, "#filter-error")).startsWith("invalid label selector \"app=web==x\": ");
        assertThat(shownNames()).hasSize(3);
        Screenshots.save(window, "filter-error");
    }

    @Test
    void switchingNamespaceIsAFilterWithCounts(FxRobot robot) {
        List<V1Pod> pods = SandboxClusters.pods(clusters.dev().store(), null);
        List<V1Pod> shop = SandboxClusters.pods(clusters.dev().store(), "shop");
        awaitLiveWith(pods.size());
        ComboBox<NamespaceChoice> selector = robot.lookup("#namespace-selector").queryComboBox();
        await(() -> selector.getItems().size() == 6);

        robot.clickOn(selector).clickOn("shop (" + shop.size() + ")");

        await(() -> shownNames().equals(names(shop, p -> true)));
        assertThat(window.table().column(PodColumn.NAMESPACE).isVisible()).isFalse();
        assertThat(text(robot, "#status-counts")).isEqualTo(phaseSummary(shop));

        robot.clickOn(selector).clickOn("All namespaces (" + pods.size() + ")");
        await(() -> model.table().rows().size() == pods.size());
        assertThat(window.table().column(PodColumn.NAMESPACE).isVisible()).isTrue();
    }

    @Test
    void switchingContextShowsTheOtherClustersPods(FxRobot robot) {
        awaitLiveWith(SandboxClusters.pods(clusters.dev().store(), null).size());

        robot.clickOn("#context-selector").clickOn("prod");

        List<V1Pod> prodPods = SandboxClusters.pods(clusters.prod().store(), null);
        await(() -> model.table().connectionProperty().get() == ConnectionState.LIVE
                && shownNames().equals(names(prodPods, p -> true)));
        assertThat(text(robot, "#status-context")).isEqualTo("prod");
        assertThat(text(robot, "#status-server")).isEqualTo(clusters.prod().server().server().toString());
    }

    @Test
    void aUserWhoMaySeeOneNamespaceGetsItWithAReason(FxRobot robot) {
        awaitLiveWith(SandboxClusters.pods(clusters.dev().store(), null).size());

        robot.clickOn("#context-selector").clickOn("restricted");

        List<V1Pod> shop = SandboxClusters.pods(clusters.dev().store(), "shop");
        await(() -> model.table().connectionProperty().get() == ConnectionState.LIVE
                && shownNames().equals(names(shop, p -> true)));
        await(() -> robot.lookup("#namespace-notice").queryAs(Label.class).isVisible());
        assertThat(text(robot, "#namespace-notice")).contains("forbidden");
        assertThat(robot.lookup("#namespace-selector").queryComboBox().getItems())
                .extracting(c -> ((NamespaceChoice) c).name()).containsExactly("shop");
        Screenshots.save(window, "restricted");
    }

    @Test
    void aBrokenContextSaysWhyAndLeavesTheOthersUsable(FxRobot robot) {
        int devPods = SandboxClusters.pods(clusters.dev().store(), null).size();
        awaitLiveWith(devPods);

        robot.clickOn("#context-selector").clickOn("broken");

        await(() -> robot.lookup("#context-problem").queryAs(Label.class).isVisible());
        assertThat(text(robot, "#context-problem"))
                .startsWith("Cannot open context \"broken\"")
                .contains("missing-ca.crt");
        assertThat(model.table().rows()).isEmpty();
        assertThat(text(robot, "#status-connection")).startsWith("Failed");
        Screenshots.save(window, "broken-context");

        robot.clickOn("#context-selector").clickOn("dev");
        awaitLiveWith(devPods);
        assertThat(robot.lookup("#context-problem").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void podsAppearChangeAndDisappearLive(FxRobot robot) throws ApiException {
        awaitLiveWith(SandboxClusters.pods(clusters.dev().store(), null).size());
        CoreV1Api api = new CoreV1Api(ClientFactory.create(kubeconfig, "dev"));

        api.createNamespacedPod("default", new V1Pod().metadata(new V1ObjectMeta().name("live-demo")
                .labels(Map.of("app", "live-demo")))
                .spec(new V1PodSpec().containers(List.of(new V1Container().name("app").image("busybox:1.37"))))).execute();
        await(() -> shownNames().contains("live-demo"));
        assertThat(cell(robot, "live-demo", PodColumn.STATUS)).isEqualTo("Pending");

        V1Pod pod = api.readNamespacedPod("live-demo", "default").execute();
        pod.status(new V1PodStatus().phase("Running").containerStatuses(List.of(new V1ContainerStatus().name("app")
                .image("busybox:1.37").imageID("").ready(false).restartCount(5).started(false)
                .state(new V1ContainerState().waiting(new V1ContainerStateWaiting().reason("CrashLoopBackOff"))))));
        api.replaceNamespacedPodStatus("live-demo", "default", pod).execute();
        await(() -> "CrashLoopBackOff".equals(cell(robot, "live-demo", PodColumn.STATUS)));
        assertThat(cell(robot, "live-demo", PodColumn.RESTARTS)).isEqualTo("5");
        assertThat(rowOf(robot, "live-demo").getPseudoClassStates()).contains(PseudoClass.getPseudoClass("pod-warning"));

        api.deleteNamespacedPod("live-demo", "default").gracePeriodSeconds(0).execute();
        await(() -> !shownNames().contains("live-demo"));
    }

    @Test
    void ageTicksWithoutRecreatingRows(FxRobot robot) {
        List<V1Pod> pods = SandboxClusters.pods(clusters.dev().store(), null);
        awaitLiveWith(pods.size());
        V1Pod young = pods.stream().max(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp())).orElseThrow();
        String name = young.getMetadata().getName();
        TableRow<PodRowViewModel> row = rowOf(robot, name);
        PodRowViewModel item = row.getItem();

        clock.advance(Duration.ofSeconds(95));
        robot.interact(() -> model.table().tick());

        assertThat(cell(robot, name, PodColumn.AGE)).isEqualTo(PodRow.of(young, clock.instant()).age());
        assertThat(row.getItem()).isSameAs(item);
    }

    /** Headless glass marks every press as a popup trigger, which header clicks ignore, so the sort order is set
     * the way a header click sets it; the table's sort policy does the rest. */
    @Test
    void columnsSortByMeaning(FxRobot robot) {
        List<V1Pod> pods = SandboxClusters.pods(clusters.dev().store(), null);
        awaitLiveWith(pods.size());
        PodTableView table = window.table();
        robot.interact(() -> table.getSortOrder().setAll(table.column(PodColumn.RESTARTS)));
        List<Integer> restarts = model.table().rows().stream().map(r -> r.printed().summary().restarts()).toList();
        assertThat(restarts).isSorted().contains(0, 2, 3, 4);

        robot.interact(() -> {
            table.column(PodColumn.AGE).setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(table.column(PodColumn.AGE));
        });
        List<Instant> created = model.table().rows().stream().map(PodRowViewModel::createdAt).toList();
        assertThat(created).isSorted();
        assertThat(created.getFirst()).isBefore(created.getLast());

        robot.interact(() -> table.getSortOrder().clear());
        assertThat(shownNames()).isEqualTo(names(pods, p -> true));
    }

    @Test
    void keyboardMovesFiltersAndOpens(FxRobot robot) {
        List<V1Pod> pods = SandboxClusters.pods(clusters.dev().store(), null);
        awaitLiveWith(pods.size());
        // the keyboard starts from the first row with the table focused (a headless click on a row that is being laid
        // out does not always select it, so the starting point is set directly)
        robot.interact(() -> {
            window.table().requestFocus();
            window.table().getSelectionModel().select(0);
            window.table().getFocusModel().focus(0);
        });
        int first = window.table().getSelectionModel().getSelectedIndex();
        assertThat(first).isZero();

        robot.type(KeyCode.DOWN);
        assertThat(window.table().getSelectionModel().getSelectedIndex()).isEqualTo(first + 1);

        robot.type(KeyCode.SLASH);
        assertThat(robot.lookup("#filter").query().isFocused()).isTrue();
        robot.write("redis");
        await(() -> shownNames().size() == 1);

        robot.type(KeyCode.ESCAPE);
        await(() -> model.table().rows().size() == pods.size());
        assertThat(window.table().isFocused()).isTrue();

        robot.type(KeyCode.SLASH).write("init-demo").type(KeyCode.ENTER);
        assertThat(window.table().isFocused()).isTrue();
        robot.type(KeyCode.ENTER);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT6).release(KeyCode.CONTROL);

        await(() -> robot.lookup("#detail-yaml").tryQuery().isPresent()
                && robot.lookup("#detail-yaml").queryAs(TextArea.class).getText().contains("name: init-demo"));
        assertThat(text(robot, "#detail-name")).isEqualTo("init-demo");
        assertThat(text(robot, "#detail-status")).startsWith(cell(robot, "init-demo", PodColumn.STATUS));
        Screenshots.save(window, "detail");

        robot.type(KeyCode.ESCAPE);
        await(() -> robot.lookup("#detail-yaml").tryQuery().isEmpty());

        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        ComboBox<?> namespaces = robot.lookup("#namespace-selector").queryComboBox();
        assertThat(namespaces.isFocused()).isTrue();
        assertThat(namespaces.isShowing()).isTrue();
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theTableLooksStaleWhileTheConnectionIsDown(FxRobot robot) {
        awaitLiveWith(SandboxClusters.pods(clusters.dev().store(), null).size());
        robot.clickOn("#context-selector").clickOn("flaky");
        await(() -> model.table().connectionProperty().get() == ConnectionState.LIVE
                && clusters.flakyServer().equals(model.serverProperty().get()));
        PseudoClass stale = PseudoClass.getPseudoClass("stale");
        assertThat(window.table().getPseudoClassStates()).doesNotContain(stale);

        clusters.dropFlaky();
        try {
            await(() -> window.table().getPseudoClassStates().contains(stale));
            assertThat(text(robot, "#status-connection")).startsWith("Reconnecting — data stale");
            assertThat(text(robot, "#connection-notice")).startsWith("Showing pods as last seen, reconnecting");
            assertThat(model.table().rows()).isNotEmpty();
            Screenshots.save(window, "stale");
        } finally {
            clusters.restoreFlaky();
        }

        await(() -> !window.table().getPseudoClassStates().contains(stale));
        assertThat(text(robot, "#status-connection")).isEqualTo("Live");
    }

    @Test
    void themeToggles(FxRobot robot) {
        awaitLiveWith(SandboxClusters.pods(clusters.dev().store(), null).size());

        robot.clickOn("#theme-toggle");

        assertThat(model.darkThemeProperty().get()).isTrue();
        assertThat(window.getStyleClass()).contains("dark");
        robot.interact(() -> window.table().getSelectionModel().select(3));
        Screenshots.save(window, "main-dark");

        robot.clickOn("#theme-toggle");
        assertThat(model.darkThemeProperty().get()).isFalse();
        assertThat(window.getStyleClass()).doesNotContain("dark");
    }

    private void awaitLiveWith(int pods) {
        await(() -> model.table().connectionProperty().get() == ConnectionState.LIVE
                && model.table().rows().size() == pods);
    }

    private List<String> shownNames() {
        return model.table().rows().stream().map(r -> r.key().name()).toList();
    }

    /** The names kubectl's order (namespace, then name) puts the matching pods in. */
    private static List<String> names(List<V1Pod> pods, Predicate<V1Pod> filter) {
        return pods.stream().filter(filter)
                .sorted(Comparator.comparing((V1Pod p) -> p.getMetadata().getNamespace())
                        .thenComparing(p -> p.getMetadata().getName()))
                .map(p -> p.getMetadata().getName()).toList();
    }

    private static V1Pod first(List<V1Pod> pods, Predicate<V1Pod> filter) {
        return pods.stream().filter(filter).findFirst().orElseThrow();
    }

    /** The status bar's summary, spelled out: phases in lifecycle order with their counts, zeros left out. */
    private static String phaseSummary(List<V1Pod> pods) {
        return String.join(" · ", List.of("Running", "Pending", "Succeeded", "Failed", "Unknown").stream()
                .map(phase -> phase + " " + pods.stream().filter(p -> phase.equals(p.getStatus().getPhase())).count())
                .filter(s -> !s.endsWith(" 0")).toList());
    }

    /** The on-screen row of {@code podName}, scrolled into view first. */
    @SuppressWarnings("unchecked")
    private TableRow<PodRowViewModel> rowOf(FxRobot robot, String podName) {
        robot.interact(() -> model.table().rows().stream().filter(r -> r.key().name().equals(podName)).findFirst()
                .ifPresent(window.table()::scrollTo));
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getItem() != null && ((PodRowViewModel) row.getItem()).key().name().equals(podName))
                .findFirst().orElseThrow(() -> new AssertionError(podName + " is not on screen"));
    }

    private String cell(FxRobot robot, String podName, PodColumn column) {
        Node cell = rowOf(robot, podName).lookup("." + column.name().toLowerCase() + "-cell");
        return ((Labeled) cell).getText();
    }
}
