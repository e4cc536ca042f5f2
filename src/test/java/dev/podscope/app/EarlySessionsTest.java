package dev.podscope.app;

import dev.podscope.testing.Eventually;
import dev.podscope.kube.KubeContext;
import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.session.ConnectionState;
import dev.podscope.session.PodListener;
import dev.podscope.ui.ContextSession;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The first context's pods download before the window asks; what arrived early is replayed to the window. */
class EarlySessionsTest {
    private static Sandbox sandbox;
    private static KubeconfigSet kubeconfig;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        sandbox = Sandbox.start(0, new SimulatorOptions().withChurn(false));
        Path file = sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
        kubeconfig = KubeconfigLoader.load(KubeconfigSource.resolve(file.toString(), java.util.Map.of(), dir));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theWindowGetsThePodsThatArrivedBeforeItAsked() throws Exception {
        EarlySessions sessions = EarlySessions.open(kubeconfig, null);
        KubeContext context = kubeconfig.contexts().getFirst();
        Thread.sleep(1500); // the list is under way or done before anyone listens

        Recorder window = new Recorder();
        try (ContextSession session = sessions.open(context)) {
            assertThat(session).isInstanceOf(EarlySession.class);
            session.watchPods(window);
            Eventually.until("the pods listed and watched", () -> window.live() && window.pods() > 0);
            assertThat(window.pods()).isEqualTo(sandbox.store().list(Resources.PODS, null).items().size());
            assertThat(session.namespaces().get().names()).contains("default", "shop", "kube-system");
        }
    }

    @Test
    void anotherContextFirstClosesTheEarlySession() throws Exception {
        EarlySessions sessions = EarlySessions.open(kubeconfig, null);
        KubeContext other = new KubeContext("elsewhere", "podscope-sandbox", "podscope-sandbox", null,
                sandbox.server().server().toString(), null);

        // "elsewhere" is not in the kubeconfig, so the regular factory refuses it; the early session is closed anyway
        assertThatThrownBy(() -> sessions.open(other)).hasMessageContaining("\"elsewhere\"");
        try (ContextSession again = sessions.open(kubeconfig.contexts().getFirst())) {
            assertThat(again).isNotInstanceOf(EarlySession.class);
        }
    }

    private static final class Recorder implements PodListener {
        private final List<String> names = new ArrayList<>();
        private volatile boolean live;

        @Override
        public synchronized void reset(List<V1Pod> pods) {
            names.clear();
            pods.forEach(p -> names.add(p.getMetadata().getName()));
        }

        @Override
        public void changed(ChangeType type, V1Pod pod) {
        }

        @Override
        public void state(ConnectionState state, String message) {
            live = state == ConnectionState.LIVE;
        }

        synchronized int pods() {
            return names.size();
        }

        boolean live() {
            return live;
        }
    }
}
