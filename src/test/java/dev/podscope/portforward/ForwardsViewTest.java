package dev.podscope.portforward;

import dev.podscope.sandbox.Sandbox;
import dev.podscope.ui.FxTaskExecutor;
import dev.podscope.ui.Screenshots;
import dev.podscope.ui.Themes;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Service;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
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
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static dev.podscope.testing.FxWait.fx;
import static dev.podscope.testing.FxWait.await;
import static dev.podscope.testing.FxWait.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The forwards panel and the start-forward dialog as a user drives them, through a real sandbox API server. */
@ExtendWith(ApplicationExtension.class)
class ForwardsViewTest {
    private static final String CONTEXT = "podscope-sandbox";
    @TempDir
    static Path dir;
    private static Sandbox sandbox;
    private static ApiClient client;
    private static int favouriteFiles;

    private Stage stage;
    private FxTaskExecutor tasks;
    private ForwardManager manager;
    private ForwardsViewModel model;
    private ForwardsView view;

    @BeforeAll
    static void startSandbox() throws IOException {
        sandbox = SandboxPods.start();
        client = SandboxPods.client(sandbox);
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
        manager = new ForwardManager();
        model = new ForwardsViewModel(manager, new ForwardFavourites(dir.resolve("favourites-" + ++favouriteFiles
                + ".json")), tasks);
        view = new ForwardsView(model, () -> { }, () -> { });
        Scene scene = new Scene(view, 980, 260);
        Themes.addStylesheet(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(model::close));
        manager.close();
        tasks.close();
    }

    @Test
    void startsAPodForwardFromTheDialogCountsBytesAndStops(FxRobot robot) throws Exception {
        V1Pod web = SandboxPods.ready(sandbox, "default", "web");
        StartForwardViewModel form = fx(() -> new StartForwardViewModel(model, tasks, CONTEXT, client, "default", web));
        Stage dialog = fx(() -> StartForwardDialog.show(stage, form));
        await(() -> form.portProperty().get() != null
                && (!form.localPortProperty().get().isEmpty() || !form.localPortHintProperty().get().isEmpty()));
        assertThat(fx(() -> form.ports().stream().map(PortChoice::label).toList()))
                .containsExactly("http · 80/TCP (container nginx)", "metrics · 9090/TCP (container nginx)");
        // an unprivileged user cannot listen on 80: left empty, the manager picks any free port
        robot.interact(() -> form.localPortProperty().set(""));
        Screenshots.save(dialog.getScene().getRoot(), "start-forward");

        robot.clickOn("#start-forward-start");
        await(() -> !dialog.isShowing());
        await(() -> model.rows().size() == 1 && model.rows().getFirst().state() == ForwardState.ACTIVE);
        ForwardRowViewModel row = fx(() -> model.rows().getFirst());
        int port = fx(() -> row.status().localPort());
        assertThat(cell(robot, 0, "state")).isEqualTo("Active");
        assertThat(cell(robot, 0, "target")).isEqualTo("pod/" + SandboxPods.name(web));
        assertThat(cell(robot, 0, "ports")).isEqualTo("127.0.0.1:" + port + " → 80");
        assertThat(cell(robot, 0, "bytes")).isEqualTo("0 B / 0 B");

        String page = get(port, "/");
        assertThat(page).startsWith("HTTP/1.1 200 OK").contains("<h1>nginx</h1>");
        await(() -> row.status().bytesIn() >= page.length());
        await(() -> cell(robot, 0, "bytes").equals(ForwardRowViewModel.bytes(row.status())));
        assertThat(cell(robot, 0, "bytes")).doesNotStartWith("0 B");

        startServiceForward(robot, "echo");
        await(() -> model.rows().size() == 2 && model.rows().get(1).state() == ForwardState.ACTIVE);
        robot.interact(() -> view.table().getSelectionModel().select(0));

        robot.clickOn("#forward-stop");
        await(() -> row.state() == ForwardState.STOPPED);
        await(() -> cell(robot, 0, "state").equals("Stopped"));
        robot.interact(() -> view.table().getSelectionModel().select(1));
        Screenshots.save(view, "forwards-panel");
        robot.interact(() -> view.table().getSelectionModel().select(0));
        assertThatThrownBy(() -> get(port, "/")).isInstanceOf(ConnectException.class);
        assertThat(fx(() -> robot.lookup("#forward-stop").query().isDisabled())).isTrue();

        robot.clickOn("#forward-restart");
        await(() -> row.state() == ForwardState.ACTIVE && model.rows().size() == 2);
        assertThat(get(row.status().localPort(), "/")).startsWith("HTTP/1.1 200 OK");
    }

    @Test
    void forwardsToAServiceChosenInTheDialog(FxRobot robot) throws Exception {
        startServiceForward(robot, "echo");
        await(() -> model.rows().size() == 1 && model.rows().getFirst().state() == ForwardState.ACTIVE);
        ForwardStatus status = fx(() -> model.rows().getFirst().status());
        assertThat(status.target()).isEqualTo(ForwardTarget.service("default", "echo", "7"));
        assertThat(cell(robot, 0, "target")).isEqualTo("svc/echo (" + status.pod() + ")");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), status.localPort())) {
            socket.getOutputStream().write("hello through a service\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(socket.getInputStream().readNBytes(24), StandardCharsets.US_ASCII))
                    .isEqualTo("hello through a service\n");
            await(() -> cell(robot, 0, "connections").equals("1"));
        }
    }

    @Test
    void aLocalPortInUseIsExplainedInTheDialog(FxRobot robot) throws Exception {
        V1Pod web = SandboxPods.ready(sandbox, "default", "web");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StartForwardViewModel form = fx(() -> new StartForwardViewModel(model, tasks, CONTEXT, client, "default", web));
            Stage dialog = fx(() -> StartForwardDialog.show(stage, form));
            await(() -> form.portProperty().get() != null);
            robot.clickOn("#start-forward-local").eraseText(8).write(Integer.toString(taken.getLocalPort()));
            robot.clickOn("#start-forward-start");
            await(() -> form.errorProperty().get() != null);
            assertThat(text(robot, "#start-forward-error"))
                    .isEqualTo("Local port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
            assertThat(dialog.isShowing()).isTrue();
            assertThat(fx(() -> model.rows().size())).isZero();

            robot.clickOn("#start-forward-address").eraseText(20).write("0.0.0.0");
            assertThat(text(robot, "#start-forward-warning"))
                    .isEqualTo("Listening on 0.0.0.0 lets other machines on the network reach this port");
            robot.clickOn("#start-forward-cancel");
            await(() -> !dialog.isShowing());
        }
    }

    @Test
    void savedFavouritesAreOfferedAndStartInOneClick(FxRobot robot) throws Exception {
        startServiceForward(robot, "web");
        await(() -> model.rows().size() == 1 && model.rows().getFirst().state() == ForwardState.ACTIVE);
        ForwardRowViewModel first = fx(() -> model.rows().getFirst());
        int port = first.status().localPort();
        robot.interact(() -> view.table().getSelectionModel().select(0));
        robot.clickOn("#forward-favourite");
        await(() -> first.favouriteProperty().get());
        robot.clickOn("#forward-remove");
        await(() -> model.rows().isEmpty() && manager.list().isEmpty());

        // as at the next start-up: the context opens and its favourites are offered
        robot.interact(() -> model.contextOpened(CONTEXT, client));
        await(() -> robot.lookup("#favourites-offer").query().isVisible());
        assertThat(text(robot, "#favourites-offer-text"))
                .isEqualTo("1 favourite port-forward of context " + CONTEXT + ": default/svc/web " + port);
        robot.clickOn("#favourites-start");
        await(() -> model.rows().size() == 1 && model.rows().getFirst().state() == ForwardState.ACTIVE);
        assertThat(fx(() -> model.rows().getFirst().status().localPort())).isEqualTo(port);
        assertThat(robot.lookup("#favourites-offer").query().isVisible()).isFalse();
        assertThat(get(port, "/healthz")).startsWith("HTTP/1.1 200 OK");
    }

    private void startServiceForward(FxRobot robot, String service) {
        StartForwardViewModel form = fx(() -> new StartForwardViewModel(model, tasks, CONTEXT, client, "default", null));
        Stage dialog = fx(() -> StartForwardDialog.show(stage, form));
        await(() -> form.services().size() > 1);
        V1Service chosen = fx(() -> form.services().stream()
                .filter(s -> s.getMetadata().getName().equals(service)).findFirst().orElseThrow());
        robot.interact(() -> form.serviceProperty().set(chosen));
        await(() -> form.portProperty().get() != null);
        robot.interact(() -> form.localPortProperty().set(""));
        robot.clickOn("#start-forward-start");
        await(() -> !dialog.isShowing());
    }

    /** One HTTP/1.1 request through the forward, the whole response as text. */
    private static String get(int port, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String cell(FxRobot robot, int row, String column) {
        return fx(() -> {
            TableView<?> table = view.table();
            table.layout();
            return table.lookupAll(".table-cell").stream()
                    .map(n -> (TableCell<?, ?>) n)
                    .filter(c -> c.getTableColumn() != null && ("forward-column-" + column).equals(c.getTableColumn().getId())
                            && c.getIndex() == row && c.getTableRow() != null && c.getTableRow().getItem() != null)
                    .map(Labeled::getText).findFirst().orElse(null);
        });
    }
}
