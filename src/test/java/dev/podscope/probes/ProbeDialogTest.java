package dev.podscope.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podscope.bundle.BundleExporter;
import dev.podscope.bundle.BundleProgress;
import dev.podscope.bundle.BundleReader;
import dev.podscope.bundle.BundleScope;
import dev.podscope.bundle.LogSelection;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import java.time.Clock;
import dev.podscope.portforward.SandboxPods;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import dev.podscope.ui.FxTaskExecutor;
import dev.podscope.ui.Screenshots;
import dev.podscope.ui.Themes;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Pod;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static dev.podscope.testing.FxWait.fx;
import static dev.podscope.testing.FxWait.await;
import static dev.podscope.testing.FxWait.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The probe dialog as a user drives it, probing the sandbox's simulated containers through the real API server. */
@ExtendWith(ApplicationExtension.class)
class ProbeDialogTest {
    private static Sandbox sandbox;
    private static ApiClient client;
    private static final ProbeRunner RUNNER = new ProbeRunner();

    private Stage stage;
    private FxTaskExecutor tasks;
    private ProbeViewModel model;
    private ProbeDialog dialog;
    private final ProbeJournal journal = new ProbeJournal();
    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxPods.start();
        client = SandboxPods.client(sandbox);
        // probes keep the kubelet's 1 s timeout: the first tunnel's class loading and TLS handshake come before
        RUNNER.runAdHocHttp(client, SandboxPods.ready(sandbox, "default", "web"), "http", "/healthz");
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Themes.apply(false);
        tasks = new FxTaskExecutor();
    }

    @AfterEach
    void stop() {
        if (model != null) {
            WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(model::close));
        }
        tasks.close();
    }

    @Test
    void theNotReadyPodsReadinessFailsWith500LikeTheKubeletSays(FxRobot robot) throws Exception {
        V1Pod pod = sandbox.store().list(Resources.PODS, "shop").items().stream().map(StoredObject::object)
                .filter(p -> p.getMetadata().getName().startsWith("recommendations-")).findFirst().orElseThrow();
        show(pod);
        assertThat(fx(() -> List.copyOf(model.containers()))).containsExactly("recommendations");
        assertThat(fx(() -> List.copyOf(model.kinds()))).containsExactly(ProbeKind.LIVENESS, ProbeKind.READINESS);
        assertThat(fx(() -> model.kindProperty().get())).isEqualTo(ProbeKind.READINESS);
        assertThat(text(robot, "#probe-definition"))
                .isEqualTo("HTTP GET :http/readyz · timeout 1s · every 10s · fails after 3");

        robot.clickOn("#probe-run");
        await(() -> model.outcomeProperty().get() != null && !model.runningProperty().get());
        assertThat(text(robot, "#probe-verdict")).isEqualTo("Failure — Readiness probe of recommendations");
        assertThat(text(robot, "#probe-figures")).matches("\\d+ ms · HTTP 500");
        assertThat(text(robot, "#probe-message")).contains("HTTP probe failed with statuscode: 500");
        assertThat(fx(() -> robot.lookup("#probe-output").queryTextInputControl().getText())).contains("unavailable");
        assertThat(text(robot, "#probe-agreement")).isEqualTo("Agrees with the kubelet");
        assertThat(text(robot, "#probe-kubelet")).startsWith("Kubelet: pod Ready False")
                .contains("container not ready").contains("Readiness probe failed: HTTP probe failed with statuscode: 500");
        assertThat(fx(() -> model.history().size())).isEqualTo(1);

        robot.clickOn("#probe-adhoc-path").eraseText(10).write("/healthz");
        robot.clickOn("#probe-adhoc-run");
        await(() -> model.history().size() == 2 && !model.runningProperty().get());
        assertThat(text(robot, "#probe-verdict")).isEqualTo("Success — ad-hoc GET :http/healthz");
        assertThat(text(robot, "#probe-figures")).matches("\\d+ ms · HTTP 200");
        assertThat(text(robot, "#probe-kubelet")).isEqualTo("An ad-hoc check has no kubelet counterpart");
        assertThat(robot.lookup("#probe-agreement").query().isVisible()).isFalse();

        robot.clickOn("#probe-run");
        await(() -> model.history().size() == 3 && !model.runningProperty().get());
        Screenshots.save(dialog, "probe-dialog");

        // the session's checks go into a bundle exported afterwards
        assertThat(journal.of("other-context")).isEmpty();
        assertThat(journal.of("sandbox")).extracting(ProbeJournal.Entry::check).containsExactly(
                "Readiness probe of recommendations", "ad-hoc GET :http/healthz", "Readiness probe of recommendations");
        Path zip = dir.resolve("probes.zip");
        new BundleExporter(client, "sandbox", Clock.systemUTC()).withProbeResults(journal.of("sandbox"))
                .export(BundleScope.namespaces(List.of("shop")).withLogs(LogSelection.NONE), zip,
                        BundleProgress.NONE, () -> false);
        JsonNode results;
        try (BundleReader bundle = BundleReader.open(zip)) {
            results = new ObjectMapper().readTree(bundle.bytes("probes/results.json").orElseThrow());
        }
        assertThat(results.path("items")).hasSize(3);
        JsonNode first = results.path("items").get(0);
        assertThat(first.path("pod").asText()).isEqualTo(pod.getMetadata().getName());
        assertThat(first.path("namespace").asText()).isEqualTo("shop");
        assertThat(first.path("success").asBoolean()).isFalse();
        assertThat(first.path("httpStatus").asInt()).isEqualTo(500);
        assertThat(first.path("message").asText()).contains("HTTP probe failed with statuscode: 500");
        assertThat(first.path("agreesWithKubelet").asBoolean()).isTrue();
        assertThat(first.path("kubelet").asText()).startsWith("kubelet: Ready False");
        JsonNode adHoc = results.path("items").get(1);
        assertThat(adHoc.path("check").asText()).isEqualTo("ad-hoc GET :http/healthz");
        assertThat(adHoc.path("success").asBoolean()).isTrue();
        assertThat(adHoc.has("agreesWithKubelet")).isFalse();
    }

    @Test
    void aHealthyWebPodPassesAndRepeatsEveryPeriod(FxRobot robot) {
        V1Pod web = SandboxPods.ready(sandbox, "default", "web");
        show(web);
        robot.clickOn("#probe-run");
        await(() -> model.outcomeProperty().get() != null && !model.runningProperty().get());
        assertThat(text(robot, "#probe-verdict")).isEqualTo("Success — Readiness probe of nginx");
        assertThat(text(robot, "#probe-figures")).matches("\\d+ ms · HTTP 200");
        assertThat(text(robot, "#probe-agreement")).isEqualTo("Agrees with the kubelet");
        assertThat(text(robot, "#probe-kubelet")).startsWith("Kubelet: pod Ready True");

        robot.interact(() -> model.repeatTimesProperty().set(2));
        robot.clickOn("#probe-repeat");
        await(() -> model.history().size() == 2);
        assertThat(text(robot, "#probe-status")).isEqualTo("Run 1 of 2, every 10 s…");
        await(() -> model.history().size() == 3 && !model.runningProperty().get());
        assertThat(text(robot, "#probe-status")).isEqualTo("Repeated 2 times");
        assertThat(fx(() -> model.history().stream().allMatch(o -> o.result().success()))).isTrue();
    }

    @Test
    void theEchoPodOffersOnlyItsTcpReadinessProbe(FxRobot robot) {
        show(SandboxPods.ready(sandbox, "default", "echo"));
        assertThat(fx(() -> List.copyOf(model.kinds()))).containsExactly(ProbeKind.READINESS);
        assertThat(text(robot, "#probe-definition")).startsWith("TCP connect to :echo");
        assertThat(fx(() -> robot.lookup("#probe-kind").queryComboBox().getItems().size())).isEqualTo(1);
    }

    private void show(V1Pod pod) {
        model = fx(() -> new ProbeViewModel(RUNNER, tasks, client, pod, journal, "sandbox"));
        dialog = fx(() -> {
            ProbeDialog view = new ProbeDialog(model);
            Scene scene = new Scene(view, 780, 620);
            Themes.addStylesheet(scene);
            stage.setScene(scene);
            stage.show();
            return view;
        });
    }
}
