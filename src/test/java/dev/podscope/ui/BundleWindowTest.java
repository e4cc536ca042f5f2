package dev.podscope.ui;

import dev.podscope.bundle.BundleExports;
import dev.podscope.format.PodRow;
import dev.podscope.kube.KubeContext;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.pods.PodColumn;
import dev.podscope.pods.detail.DetailTab;
import dev.podscope.pods.PodRowViewModel;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.replay.ReplayServer;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.session.ConnectionState;
import dev.podscope.testing.MutableClock;
import io.kubernetes.client.openapi.models.V1Pod;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening a bundle in the main window: the round trip (a sandbox captured, opened, shows the same pod table as the
 * live cluster at capture time, ages as then), the read-only marks, and switching back to a live context.
 */
@ExtendWith(ApplicationExtension.class)
class BundleWindowTest {
    @TempDir
    static Path home;
    private static SandboxClusters clusters;
    private static KubeconfigSet kubeconfig;
    private static Path bundle;
    private static Instant createdAt;
    private static List<PodRow> capturedRows;

    private MainWindowViewModel model;
    private MainWindow window;
    private FxTaskExecutor tasks;
    private Stage stage;

    @BeforeAll
    static void captureABundle() throws Exception {
        clusters = SandboxClusters.start(home);
        kubeconfig = clusters.kubeconfig();
        try (Sandbox captured = Sandbox.start(0, new SimulatorOptions().withTimeScale(100_000).withPods(40)
                .withSeed(11))) {
            bundle = home.resolve("prod-eu.zip");
            // hold the cluster still so that the table below is the one the export saw
            captured.simulator().stop();
            createdAt = BundleExports.everything(captured.store(), "prod-eu", bundle);
            // the live cluster's table at capture time (the exporter rounds it down to whole seconds): what kubectl
            // (and the window) printed then
            capturedRows = captured.store().list(Resources.PODS, null).items().stream()
                    .map(s -> PodRow.of(s.object(), createdAt)).toList();
        }
    }

    @AfterAll
    static void stopClusters() {
        clusters.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        tasks = new FxTaskExecutor();
        // the live clock is hours past the capture: a bundle's ages must not follow it
        MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofHours(3)));
        model = new MainWindowViewModel(kubeconfig, SessionFactory.forKubeconfig(kubeconfig), tasks, clock, false);
        window = new MainWindow(model);
        stage.setScene(MainWindow.scene(window, 1000, 720));
        stage.titleProperty().bind(model.title());
        stage.show();
        model.start();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(model::close));
        tasks.close();
    }

    @Test
    void showsTheBundleAsCapturedReadOnlyThenSwitchesBackToLive(FxRobot robot) {
        int devPods = SandboxClusters.pods(clusters.dev().store(), null).size();
        awaitLive(devPods);
        assertThat(robot.lookup("#bundle-banner").query().getParent().isVisible()).isFalse();

        robot.interact(() -> model.openBundle(bundle));
        await(() -> model.bundleProperty().get() != null
                && model.table().connectionProperty().get() == ConnectionState.LIVE
                && model.table().rows().size() == capturedRows.size());

        Instant shownAt = model.table().nowProperty().get();
        assertThat(shownAt).isEqualTo(createdAt);
        List<PodRow> shown = model.table().rows().stream().sorted(PodColumn.KEY_ORDER)
                .map(r -> r.printedAt(shownAt)).toList();
        assertThat(shown).containsExactlyElementsOf(capturedRows.stream()
                .sorted(Comparator.comparing(PodRow::namespace).thenComparing(PodRow::name)).toList());
        PodRow first = shown.getFirst();
        assertThat(cell(robot, first.name(), PodColumn.AGE)).isEqualTo(first.age());
        assertThat(cell(robot, first.name(), PodColumn.STATUS)).isEqualTo(first.status());

        String captured = ReplayServer.captured(createdAt);
        assertThat(text(robot, "#bundle-banner")).isEqualTo("Read-only bundle of context prod-eu, captured "
                + captured + " (all namespaces) — prod-eu.zip");
        assertThat(robot.lookup("#bundle-banner").query().getParent().isVisible()).isTrue();
        assertThat(text(robot, "#status-connection")).isEqualTo("Read-only bundle · captured " + captured);
        assertThat(text(robot, "#status-context")).isEqualTo("bundle-prod-eu");
        assertThat(stage.getTitle()).isEqualTo("Podscope — prod-eu (bundle, read-only, captured " + captured + ")");
        assertThat(model.readOnlyProperty().get()).isTrue();
        assertThat(robot.lookup("#context-selector").queryAs(ComboBox.class).getItems())
                .extracting(c -> ((KubeContext) c).name()).contains("dev", "prod", "bundle-prod-eu");
        assertThat(phaseClassesOnScreen(robot)).contains("pod-running").containsAnyOf("pod-warning", "pod-failed");
        robot.interact(() -> window.table().scrollTo(0));
        Screenshots.save(window, "bundle-open");
        assertThat(changingActionsDisabled(robot)).as("forward, probe, service forward, export").containsOnly(true);
        PodRowViewModel any = model.table().rows().getFirst();
        assertThat(fx(() -> model.probe(any))).isNull();
        assertThat(model.contextProblemProperty().get()).isEqualTo("Cannot run a probe in a bundle: it is a read-only"
                + " capture");
        assertThat(fx(() -> model.startForward(any))).isNull();
        assertThat(fx(() -> model.bundleExport(List.of(), home))).isEmpty();

        PodRowViewModel killed = model.table().rows().stream()
                .filter(r -> r.printedAt(shownAt).status().equals("OOMKilled")).findFirst().orElseThrow();
        robot.interact(() -> model.open(killed));
        // the YAML is rendered when its tab is shown
        robot.interact(() -> model.detail().tabProperty().set(DetailTab.YAML));
        await(() -> model.detail().yamlProperty().get() != null
                && model.detail().yamlProperty().get().contains("name: " + killed.key().name()));
        assertThat(model.detail().yamlProperty().get()).contains("reason: OOMKilled");
        Screenshots.save(window, "bundle-detail");
        robot.interact(model::closeDetail);

        robot.interact(() -> model.switchContext(kubeconfig.context("dev").orElseThrow()));
        awaitLive(devPods);
        assertThat(robot.lookup("#bundle-banner").query().getParent().isVisible()).isFalse();
        assertThat(text(robot, "#status-connection")).isEqualTo("Live");
        assertThat(model.readOnlyProperty().get()).isFalse();
        assertThat(changingActionsDisabled(robot)).containsOnly(false);
        assertThat(model.table().nowProperty().get()).isAfter(createdAt.plus(Duration.ofHours(2)));
        assertThat(stage.getTitle()).isEqualTo("Podscope — dev");
    }

    @Test
    void aFileThatIsNotABundleIsReportedAndTheLiveContextStays(FxRobot robot) throws Exception {
        int devPods = SandboxClusters.pods(clusters.dev().store(), null).size();
        awaitLive(devPods);
        Path notes = Files.writeString(home.resolve("notes.zip"), "not a zip");

        robot.interact(() -> model.openBundle(notes));
        await(() -> model.contextProblemProperty().get() != null);

        assertThat(text(robot, "#context-problem")).isEqualTo("notes.zip is not a Podscope bundle: it is not a zip file");
        assertThat(model.contextProperty().get().name()).isEqualTo("dev");
        assertThat(model.table().rows()).hasSize(devPods);
        assertThat(model.readOnlyProperty().get()).isFalse();
        Screenshots.save(window, "bundle-not-a-bundle");
    }

    /** Whether Port-forward…, Run probe now…, the panel's Service… button and Export bundle are disabled. */
    private List<Boolean> changingActionsDisabled(FxRobot robot) {
        return fx(() -> {
            List<Boolean> disabled = new java.util.ArrayList<>();
            for (MenuItem item : window.table().getContextMenu().getItems()) {
                if (item.getId() != null && Set.of("pod-forward", "pod-probe").contains(item.getId())) {
                    disabled.add(item.isDisable());
                }
            }
            disabled.add(window.forwards().lookup("#forward-new").isDisabled());
            disabled.add(robot.lookup("#export-bundle").query().isDisabled());
            assertThat(disabled).hasSize(4);
            return disabled;
        });
    }

    private static <T> T fx(java.util.concurrent.Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void awaitLive(int pods) {
        await(() -> model.table().connectionProperty().get() == ConnectionState.LIVE
                && model.table().rows().size() == pods);
    }

    private static void await(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (TimeoutException e) {
            throw new AssertionError("condition not reached", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    /** The phase colour classes of the rows on screen. */
    @SuppressWarnings("rawtypes")
    private static Set<String> phaseClassesOnScreen(FxRobot robot) {
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .flatMap(row -> ((TableRow<?>) row).getPseudoClassStates().stream())
                .map(PseudoClass::getPseudoClassName).filter(n -> n.startsWith("pod-"))
                .collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private String cell(FxRobot robot, String podName, PodColumn column) {
        robot.interact(() -> model.table().rows().stream().filter(r -> r.key().name().equals(podName)).findFirst()
                .ifPresent(window.table()::scrollTo));
        TableRow<PodRowViewModel> row = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() != null && ((PodRowViewModel) r.getItem()).key().name().equals(podName))
                .findFirst().orElseThrow(() -> new AssertionError(podName + " is not on screen"));
        Node cell = row.lookup("." + column.name().toLowerCase() + "-cell");
        return ((Labeled) cell).getText();
    }
}
