package dev.podscope.ui;

import dev.podscope.kube.KubeContext;
import dev.podscope.kube.KubeconfigException;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.pods.PodColumn;
import dev.podscope.pods.PodRowViewModel;
import dev.podscope.pods.TestPods;
import dev.podscope.session.ConnectionState;
import dev.podscope.session.NamespaceListing;
import dev.podscope.session.PodListener.ChangeType;
import io.kubernetes.client.openapi.models.V1Pod;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window as a user drives it, with pods fed through the session contract by the test. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path home;

    private final Map<String, FakeSession> sessions = new ConcurrentHashMap<>();
    private MainWindowViewModel model;
    private MainWindow window;
    private FxTaskExecutor tasks;

    @Start
    void start(Stage stage) {
        KubeconfigSet kubeconfig = TestKubeconfig.write(home, "dev", "dev", "prod", "broken");
        tasks = new FxTaskExecutor();
        model = new MainWindowViewModel(kubeconfig, this::open, tasks, Clock.fixed(TestPods.NOW, ZoneOffset.UTC),
                true);
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

    private ContextSession open(KubeContext context) {
        FakeSession session = switch (context.name()) {
            case "dev" -> new FakeSession("https://dev.example.test:6443", devPods(),
                    new NamespaceListing(List.of("default", "kube-system", "shop"), null), null);
            case "prod" -> new FakeSession("https://prod.example.test:6443",
                    List.of(TestPods.running("shop", "ledger-0", Map.of("app", "ledger"), 0, 86400)),
                    new NamespaceListing(List.of("shop"), "Listing namespaces is forbidden for this user;"
                            + " showing the context's namespace \"shop\""), null);
            default -> throw new KubeconfigException("user \"tester\" has no usable credentials (token file"
                    + " /var/run/secrets/missing not found)");
        };
        sessions.put(context.name(), session);
        return session;
    }

    private static List<V1Pod> devPods() {
        return List.of(
                TestPods.running("shop", "web-7d9f-abcde", Map.of("app", "web", "tier", "frontend"), 0, 3 * 86400),
                TestPods.running("shop", "web-7d9f-fghij", Map.of("app", "web", "tier", "frontend"), 2, 7200),
                TestPods.running("shop", "db-0", Map.of("app", "db", "tier", "db"), 0, 20 * 86400),
                TestPods.waiting("shop", "worker-5c6b-kx2p", "Running", "CrashLoopBackOff", 7, 5400),
                TestPods.waiting("shop", "cache-6f7c-zz9q", "Pending", "ImagePullBackOff", 0, 300),
                TestPods.pending("shop", "batch-job-xl2k", 20),
                TestPods.failed("default", "migrate-2q8w", 40000),
                TestPods.running("kube-system", "coredns-5d78c9869d-4mxtj", Map.of("k8s-app", "kube-dns"), 1, 40 * 86400),
                TestPods.running("kube-system", "kube-proxy-9wz7c", Map.of("k8s-app", "kube-proxy"), 0, 40 * 86400));
    }

    @Test
    void showsTheCurrentContextsPodsWithCountsAndServer(FxRobot robot) {
        awaitLiveWith(9);

        assertThat(text(robot, "#status-context")).isEqualTo("dev");
        assertThat(text(robot, "#status-server")).isEqualTo("https://dev.example.test:6443");
        assertThat(text(robot, "#status-counts")).isEqualTo("Running 6 · Pending 2 · Failed 1");
        assertThat(text(robot, "#status-connection")).isEqualTo("Live");
        assertThat(text(robot, "#sandbox-banner")).isEqualTo("Sandbox cluster — simulated, not a real cluster");
        assertThat(cell(robot, "worker-5c6b-kx2p", PodColumn.STATUS)).isEqualTo("CrashLoopBackOff");
        assertThat(cell(robot, "worker-5c6b-kx2p", PodColumn.RESTARTS)).isEqualTo("7");
        assertThat(cell(robot, "db-0", PodColumn.AGE)).isEqualTo("20d");
        assertThat(cell(robot, "db-0", PodColumn.OWNER)).isEqualTo("StatefulSet/db");
        assertThat(cell(robot, "web-7d9f-abcde", PodColumn.OWNER)).isEqualTo("Deployment/web");
        await(() -> robot.lookup("#namespace-selector").queryAs(ComboBox.class).getItems().size() == 4);
        Screenshots.save(window, "main-light");
    }

    @Test
    void filtersByNameSelectorAndStatus(FxRobot robot) {
        awaitLiveWith(9);

        robot.clickOn("#filter").write("web");
        await(() -> shownNames().equals(List.of("web-7d9f-abcde", "web-7d9f-fghij")));

        robot.eraseText(3).write("tier!=db,app");
        await(() -> shownNames().equals(List.of("cache-6f7c-zz9q", "web-7d9f-abcde", "web-7d9f-fghij",
                "worker-5c6b-kx2p")));

        robot.eraseText(12).write("status:CrashLoopBackOff");
        await(() -> shownNames().equals(List.of("worker-5c6b-kx2p")));
        Screenshots.save(window, "filtered");

        robot.eraseText(23).write("app=web");
        await(() -> shownNames().equals(List.of("web-7d9f-abcde", "web-7d9f-fghij")));

        robot.write("==x");
        await(() -> robot.lookup("#filter-error").queryAs(Label.class).isVisible());
        assertThat(text(robot, "#filter-error")).startsWith("invalid label selector \"app=web==x\": ");
        assertThat(shownNames()).containsExactly("web-7d9f-abcde", "web-7d9f-fghij");
        Screenshots.save(window, "filter-error");
    }

    @Test
    void switchingNamespaceIsAFilterWithCounts(FxRobot robot) {
        awaitLiveWith(9);
        ComboBox<NamespaceChoice> selector = robot.lookup("#namespace-selector").queryComboBox();
        await(() -> selector.getItems().size() == 4);

        robot.clickOn(selector).clickOn("kube-system (2)");

        await(() -> model.table().rows().size() == 2);
        assertThat(shownNames()).containsExactly("coredns-5d78c9869d-4mxtj", "kube-proxy-9wz7c");
        assertThat(window.table().column(PodColumn.NAMESPACE).isVisible()).isFalse();
        assertThat(text(robot, "#status-counts")).isEqualTo("Running 2");

        robot.clickOn(selector).clickOn("All namespaces (9)");
        await(() -> model.table().rows().size() == 9);
        assertThat(window.table().column(PodColumn.NAMESPACE).isVisible()).isTrue();
    }

    @Test
    void switchingContextClosesTheOldSessionAndShowsTheNewPods(FxRobot robot) {
        awaitLiveWith(9);

        robot.clickOn("#context-selector").clickOn("prod");

        await(() -> model.table().connectionProperty().get() == ConnectionState.LIVE
                && shownNames().equals(List.of("ledger-0")));
        assertThat(sessions.get("dev").isClosed()).isTrue();
        assertThat(text(robot, "#status-server")).isEqualTo("https://prod.example.test:6443");
        await(() -> robot.lookup("#namespace-notice").queryAs(Label.class).isVisible());
        assertThat(text(robot, "#namespace-notice")).contains("Listing namespaces is forbidden");
        assertThat(robot.lookup("#namespace-selector").queryComboBox().getItems()).hasSize(1);
    }

    @Test
    void aBrokenContextSaysWhyAndLeavesTheOthersUsable(FxRobot robot) {
        awaitLiveWith(9);

        robot.clickOn("#context-selector").clickOn("broken");

        await(() -> robot.lookup("#context-problem").queryAs(Label.class).isVisible());
        assertThat(text(robot, "#context-problem"))
                .startsWith("Cannot open context \"broken\" from ~/config: ")
                .contains("no usable credentials");
        assertThat(model.table().rows()).isEmpty();
        assertThat(text(robot, "#status-connection")).startsWith("Failed");
        Screenshots.save(window, "broken-context");

        robot.clickOn("#context-selector").clickOn("dev");
        awaitLiveWith(9);
        assertThat(robot.lookup("#context-problem").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void aModifiedPodChangesItsRowLive(FxRobot robot) {
        awaitLiveWith(9);
        assertThat(cell(robot, "web-7d9f-fghij", PodColumn.STATUS)).isEqualTo("Running");

        sessions.get("dev").changed(ChangeType.MODIFIED,
                TestPods.waiting("shop", "web-7d9f-fghij", "Running", "CrashLoopBackOff", 3, 7200));

        await(() -> "CrashLoopBackOff".equals(cell(robot, "web-7d9f-fghij", PodColumn.STATUS)));
        assertThat(cell(robot, "web-7d9f-fghij", PodColumn.RESTARTS)).isEqualTo("3");
        assertThat(rowOf(robot, "web-7d9f-fghij").getPseudoClassStates())
                .contains(PseudoClass.getPseudoClass("pod-warning"));
    }

    @Test
    void keyboardMovesFiltersAndOpens(FxRobot robot) {
        awaitLiveWith(9);
        robot.clickOn(robot.lookup(".name-cell").nth(0).queryAs(Node.class));
        int first = window.table().getSelectionModel().getSelectedIndex();

        robot.type(KeyCode.DOWN);
        assertThat(window.table().getSelectionModel().getSelectedIndex()).isEqualTo(first + 1);

        robot.type(KeyCode.SLASH);
        assertThat(robot.lookup("#filter").query().isFocused()).isTrue();
        robot.write("db");
        await(() -> shownNames().equals(List.of("db-0")));

        robot.type(KeyCode.ESCAPE);
        await(() -> model.table().rows().size() == 9);
        assertThat(window.table().isFocused()).isTrue();

        robot.type(KeyCode.SLASH).write("worker").type(KeyCode.ENTER);
        assertThat(window.table().isFocused()).isTrue();
        robot.type(KeyCode.ENTER);

        await(() -> robot.lookup("#detail-yaml").tryQuery().isPresent()
                && robot.lookup("#detail-yaml").queryAs(TextArea.class).getText().contains("name: worker-5c6b-kx2p"));
        assertThat(text(robot, "#detail-name")).isEqualTo("worker-5c6b-kx2p");
        assertThat(text(robot, "#detail-status")).startsWith("CrashLoopBackOff");
        Screenshots.save(window, "detail");

        robot.type(KeyCode.ESCAPE);
        await(() -> robot.lookup("#detail-yaml").tryQuery().isEmpty());
    }

    @Test
    void theTableLooksStaleWhileTheConnectionIsDown(FxRobot robot) {
        awaitLiveWith(9);
        PseudoClass stale = PseudoClass.getPseudoClass("stale");
        assertThat(window.table().getPseudoClassStates()).doesNotContain(stale);

        sessions.get("dev").state(ConnectionState.RECONNECTING,
                "Cannot reach https://dev.example.test:6443 (connection refused)");

        await(() -> window.table().getPseudoClassStates().contains(stale));
        assertThat(text(robot, "#status-connection"))
                .isEqualTo("Reconnecting — data stale: Cannot reach https://dev.example.test:6443 (connection refused)");
        Screenshots.save(window, "stale");

        sessions.get("dev").state(ConnectionState.LIVE, null);
        await(() -> !window.table().getPseudoClassStates().contains(stale));
    }

    @Test
    void themeToggles(FxRobot robot) {
        awaitLiveWith(9);

        robot.clickOn("#theme-toggle");

        assertThat(model.darkThemeProperty().get()).isTrue();
        assertThat(window.getStyleClass()).contains("dark");
        Screenshots.save(window, "main-dark");

        robot.clickOn("#theme-toggle");
        assertThat(model.darkThemeProperty().get()).isFalse();
        assertThat(window.getStyleClass()).doesNotContain("dark");
    }

    private void awaitLiveWith(int pods) {
        await(() -> model.table().connectionProperty().get() == ConnectionState.LIVE
                && model.table().rows().size() == pods);
    }

    private static void await(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (TimeoutException e) {
            throw new AssertionError("condition not reached", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> shownNames() {
        return model.table().rows().stream().map(r -> r.key().name()).toList();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static TableRow<PodRowViewModel> rowOf(FxRobot robot, String podName) {
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getItem() != null && ((PodRowViewModel) row.getItem()).key().name().equals(podName))
                .findFirst().orElseThrow(() -> new AssertionError(podName + " is not on screen"));
    }

    private static String cell(FxRobot robot, String podName, PodColumn column) {
        Node cell = rowOf(robot, podName).lookup("." + column.name().toLowerCase() + "-cell");
        return ((Labeled) cell).getText();
    }
}
