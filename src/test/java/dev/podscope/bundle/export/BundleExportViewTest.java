package dev.podscope.bundle.export;

import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.ui.FxTaskExecutor;
import dev.podscope.ui.Screenshots;
import dev.podscope.ui.Themes;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
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
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Export bundle dialog as a user drives it, against the simulated sandbox. */
@ExtendWith(ApplicationExtension.class)
class BundleExportViewTest {
    @TempDir
    static Path dir;
    private static Sandbox sandbox;
    private static ApiClient client;
    private static volatile CountDownLatch logGate;

    private Path output;
    private FxTaskExecutor tasks;
    private BundleExportViewModel model;
    private BundleExportView view;

    @BeforeAll
    static void startSandbox() throws IOException {
        sandbox = Sandbox.start(0, new SimulatorOptions().withChurn(false));
        client = Config.fromConfig(new StringReader(sandbox.kubeconfigYaml()));
        // a gate on the HTTP path of log reads: closed, the export stays at its "Logs of …" step for the test to see
        client.setHttpClient(client.getHttpClient().newBuilder().addInterceptor(chain -> {
            CountDownLatch gate = logGate;
            if (gate != null && chain.request().url().encodedPath().endsWith("/log")) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("log read interrupted");
                }
            }
            return chain.proceed(chain.request());
        }).build());
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Start
    void start(Stage stage) throws IOException {
        Themes.apply(false);
        output = Files.createTempDirectory(dir, "out");
        tasks = new FxTaskExecutor();
        model = new BundleExportViewModel(client, "podscope-sandbox", "shop", List.of(), output, tasks, Clock.systemUTC());
        view = new BundleExportView(model, stage::close);
        Scene scene = new Scene(view);
        Themes.addStylesheet(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        openLogGate();
        model.cancel();
        tasks.close();
    }

    @Test
    void exportsTheNamespaceAndSaysWhereTheBundleIs(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#scope-namespace").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#scope-selected-pods").queryAs(RadioButton.class).isDisabled()).isTrue();
        robot.clickOn("#export");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String outcome = robot.lookup("#bundle-outcome").queryAs(Label.class).getText();
        assertThat(outcome).startsWith("Wrote podscope-bundle-podscope-sandbox-").contains(".zip (", " pods, ", " values redacted");
        assertThat(robot.lookup("#bundle-progress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(robot.lookup("#cancel").queryAs(Button.class).getText()).isEqualTo("Close");
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement()
                    .satisfies(name -> assertThat(name).startsWith("podscope-bundle-podscope-sandbox-").endsWith(".zip"));
        }
        Screenshots.save(view, "bundle-export-done");
    }

    @Test
    void showsProgressWithTheStepAndCancelLeavesNoFile(FxRobot robot) throws Exception {
        logGate = new CountDownLatch(1);
        robot.clickOn("#scope-context");
        robot.clickOn("#export");
        // log reads wait at the gate, so once at a "Logs of …" step the export stays there (whatever the machine's pace)
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.stepProperty().get().startsWith("Logs of "));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#bundle-step").queryAs(Label.class).getText()).startsWith("Logs of ");
        assertThat(robot.lookup("#bundle-progress").queryAs(ProgressBar.class).getProgress()).isBetween(0.0, 1.0);
        assertThat(robot.lookup("#export").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#bundle-file").query().isDisabled()).isTrue();
        Screenshots.save(view, "bundle-export");
        robot.clickOn("#cancel");
        assertThat(model.runningProperty().get()).as("still in the gated log read").isTrue();
        openLogGate();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#bundle-outcome").queryAs(Label.class).getText())
                .isEqualTo("Export cancelled; no file was written");
        assertThat(robot.lookup("#bundle-step").queryAs(Label.class).getText()).isEqualTo("Cancelled");
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files).isEmpty();
        }
    }

    private static void openLogGate() {
        CountDownLatch gate = logGate;
        logGate = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    @Test
    void aMissingFolderIsAClearMessage(FxRobot robot) {
        robot.clickOn("#bundle-file").eraseText(1);
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> model.fileProperty().set(output.resolve("nope/b.zip").toString()));
        robot.clickOn("#export");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#bundle-outcome").queryAs(Label.class).getText())
                .isEqualTo("The folder " + output.resolve("nope").toAbsolutePath() + " does not exist");
        assertThat(model.runningProperty().get()).isFalse();
    }
}
