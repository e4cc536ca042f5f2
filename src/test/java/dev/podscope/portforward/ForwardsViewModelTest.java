package dev.podscope.portforward;

import dev.podscope.testing.Eventually;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.ui.TaskExecutor;
import io.kubernetes.client.openapi.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The panel's view-model without a screen: background work runs at once, UI tasks wait in a queue until the test
 * runs them, as if the FX thread were busy — which shows how notifications are coalesced.
 */
class ForwardsViewModelTest {
    @TempDir
    static Path dir;
    private static Sandbox sandbox;
    private static ApiClient client;

    private final QueuedUi tasks = new QueuedUi();
    private final ForwardManager manager = new ForwardManager();
    private ForwardsViewModel model;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxPods.start();
        client = SandboxPods.client(sandbox);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void stop() {
        model.close();
        manager.close();
    }

    @Test
    void manyNotificationsWhileTheUiIsBusyBecomeOneUpdate() throws Exception {
        model = new ForwardsViewModel(manager, new ForwardFavourites(dir.resolve("none.json")), tasks);
        List<ForwardStatus> started = new ArrayList<>();
        model.start("sandbox", client, ForwardTarget.service("default", "echo", "7"), 0, null, started::add,
                why -> { throw new AssertionError(why); });
        assertThat(started).hasSize(1);
        ForwardRowViewModel row = model.rows().getFirst();
        tasks.runAll();

        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                sockets.add(new Socket(InetAddress.getLoopbackAddress(), row.status().localPort()));
            }
            Eventually.until("five open connections", () -> manager.list().getFirst().openConnections() == 5);
            assertThat(tasks.queued()).as("one UI task for all five changes").isEqualTo(1);
            assertThat(row.status().openConnections()).as("nothing changes before the UI task runs").isZero();
            tasks.runAll();
            assertThat(row.status().openConnections()).isEqualTo(5);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void aStartThatFailsLeavesNoRow() {
        model = new ForwardsViewModel(manager, new ForwardFavourites(dir.resolve("none.json")), tasks);
        List<String> failures = new ArrayList<>();
        model.start("sandbox", client, ForwardTarget.pod("default", "no-such-pod", "80"), 0, null,
                status -> { throw new AssertionError("started"); }, failures::add);
        tasks.runAll();
        assertThat(failures).singleElement().asString().contains("no-such-pod");
        assertThat(model.rows()).isEmpty();
        assertThat(manager.list()).isEmpty();
    }

    /** Background work at once on the calling thread; UI tasks queued until {@link #runAll()}. */
    private static final class QueuedUi implements TaskExecutor {
        private final Queue<Runnable> ui = new ConcurrentLinkedQueue<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }

        @Override
        public Executor ui() {
            return ui::add;
        }

        int queued() {
            return ui.size();
        }

        void runAll() {
            for (Runnable task = ui.poll(); task != null; task = ui.poll()) {
                task.run();
            }
        }
    }
}
