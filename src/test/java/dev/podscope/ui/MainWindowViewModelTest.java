package dev.podscope.ui;

import dev.podscope.kube.KubeContext;
import dev.podscope.kube.KubeconfigException;
import dev.podscope.pods.TestPods;
import dev.podscope.session.ConnectionState;
import dev.podscope.session.NamespaceListing;
import dev.podscope.session.PodListener;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window's logic without a window: sessions here deliver synchronously, tasks run at once. */
class MainWindowViewModelTest {
    @TempDir
    Path home;

    private final List<ScriptedSession> opened = new ArrayList<>();

    private MainWindowViewModel model(String current, SessionFactory factory) {
        return new MainWindowViewModel(TestKubeconfig.write(home, current, "dev", "prod", "broken"), factory,
                new DirectTaskExecutor(), Clock.fixed(TestPods.NOW, ZoneOffset.UTC), false);
    }

    private static KubeContext context(MainWindowViewModel model, String name) {
        return model.contexts().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private ContextSession open(KubeContext context) {
        if (context.name().equals("broken")) {
            throw new KubeconfigException("user \"tester\" has no token");
        }
        ScriptedSession session = new ScriptedSession("https://" + context.name() + ":6443",
                List.of(TestPods.running("shop", context.name() + "-web", Map.of(), 0, 60),
                        TestPods.running("default", context.name() + "-job", Map.of(), 0, 60)),
                new NamespaceListing(List.of("default", "empty", "shop"), null), null);
        opened.add(session);
        return session;
    }

    @Test
    void startsWithTheCurrentContext() {
        MainWindowViewModel model = model("prod", this::open);

        model.start();

        assertThat(model.contextProperty().get().name()).isEqualTo("prod");
        assertThat(model.serverProperty().get()).isEqualTo("https://prod:6443");
        assertThat(model.table().rows()).hasSize(2);
        assertThat(model.connectionText().getValue()).isEqualTo("Live");
        assertThat(model.namespaces()).extracting(c -> c.label().getValue())
                .containsExactly("All namespaces (2)", "default (1)", "empty (0)", "shop (1)");
    }

    @Test
    void startsWithTheContextAskedFor() {
        MainWindowViewModel model = model("dev", this::open);

        model.start("prod");

        assertThat(model.contextProperty().get().name()).isEqualTo("prod");
        assertThat(model.table().firstLoad()).isCompletedWithValue(2);
    }

    @Test
    void anUnknownContextFallsBackToTheCurrentOneAndSaysSo() {
        MainWindowViewModel model = model("dev", this::open);

        model.start("staging");

        assertThat(model.contextProperty().get().name()).isEqualTo("dev");
        assertThat(model.contextProblemProperty().get())
                .isEqualTo("There is no context \"staging\" in ~/config; showing \"dev\"");
    }

    @Test
    void switchingContextClosesTheOldSessionFirst() {
        MainWindowViewModel model = model("dev", this::open);
        model.start();
        model.namespaceProperty().set(model.namespaces().get(3));

        model.switchContext(context(model, "prod"));

        assertThat(opened.getFirst().closed).isTrue();
        assertThat(opened.get(1).closed).isFalse();
        assertThat(model.table().rows()).extracting(r -> r.key().name()).containsExactly("prod-job", "prod-web");
        assertThat(model.namespaceProperty().get().isAll()).isTrue();
    }

    @Test
    void eventsOfAClosedSessionNoLongerReachTheTable() {
        MainWindowViewModel model = model("dev", this::open);
        model.start();
        model.switchContext(context(model, "prod"));

        opened.getFirst().listener.changed(PodListener.ChangeType.ADDED, TestPods.running("shop", "late", Map.of(), 0, 1));

        assertThat(model.table().rows()).extracting(r -> r.key().name()).doesNotContain("late");
    }

    @Test
    void aBrokenContextExplainsItselfAndOthersStillOpen() {
        MainWindowViewModel model = model("broken", this::open);

        model.start();

        assertThat(model.contextProblemProperty().get())
                .isEqualTo("Cannot open context \"broken\" from ~/config: user \"tester\" has no token");
        assertThat(model.table().connectionProperty().get()).isEqualTo(ConnectionState.FAILED);

        model.switchContext(context(model, "dev"));
        assertThat(model.contextProblemProperty().get()).isNull();
        assertThat(model.table().rows()).hasSize(2);
    }

    @Test
    void forbiddenNamespaceListingOffersOnlyTheContextNamespace() {
        MainWindowViewModel model = model("dev", context -> new ScriptedSession("https://dev:6443",
                List.of(TestPods.running("shop", "web", Map.of(), 0, 60)),
                new NamespaceListing(List.of("shop"), "Listing namespaces is forbidden for this user; showing the"
                        + " context's namespace \"shop\""), "shop"));

        model.start();

        assertThat(model.namespaces()).extracting(NamespaceChoice::name).containsExactly("shop");
        assertThat(model.namespaceProperty().get().name()).isEqualTo("shop");
        assertThat(model.namespaceNoticeProperty().get()).contains("forbidden");
    }

    @Test
    void podsWatchedInOneNamespaceOnlyRestrictTheChoice() {
        MainWindowViewModel model = model("dev", context -> new ScriptedSession("https://dev:6443",
                List.of(TestPods.running("shop", "web", Map.of(), 0, 60)),
                new NamespaceListing(List.of("default", "shop"), null), "shop"));

        model.start();

        assertThat(model.namespaces()).extracting(NamespaceChoice::name).containsExactly("shop");
        assertThat(model.namespaceNoticeProperty().get())
                .isEqualTo("Listing pods in all namespaces is forbidden for this user; showing namespace \"shop\" only");
    }

    @Test
    void connectionTextSaysWhenDataIsStale() {
        MainWindowViewModel model = model("dev", this::open);
        model.start();

        opened.getFirst().listener.state(ConnectionState.RECONNECTING, "Cannot reach https://dev:6443");
        assertThat(model.connectionText().getValue()).isEqualTo("Reconnecting — data stale");
        assertThat(model.connectionNotice().getValue())
                .isEqualTo("Showing pods as last seen, reconnecting: Cannot reach https://dev:6443");

        opened.getFirst().listener.state(ConnectionState.FAILED, "401 Unauthorized");
        assertThat(model.connectionText().getValue()).isEqualTo("Failed");
        assertThat(model.connectionNotice().getValue()).isEqualTo("Pods are no longer updated: 401 Unauthorized");

        opened.getFirst().listener.state(ConnectionState.LIVE, null);
        assertThat(model.connectionNotice().getValue()).isNull();
    }

    @Test
    void themeToggles() {
        MainWindowViewModel model = model("dev", this::open);

        model.toggleTheme();
        assertThat(model.darkThemeProperty().get()).isTrue();
        model.toggleTheme();
        assertThat(model.darkThemeProperty().get()).isFalse();
    }

    /** Delivers its pods synchronously from watchPods, like a session whose first list returned at once. */
    private static final class ScriptedSession implements ContextSession {
        private final String server;
        private final List<V1Pod> pods;
        private final NamespaceListing listing;
        private final String podScope;
        private PodListener listener;
        private boolean closed;

        ScriptedSession(String server, List<V1Pod> pods, NamespaceListing listing, String podScope) {
            this.server = server;
            this.pods = pods;
            this.listing = listing;
            this.podScope = podScope;
        }

        @Override
        public String contextName() {
            return server;
        }

        @Override
        public String server() {
            return server;
        }

        /** A scripted session has no API server behind it. */
        @Override
        public ApiClient client() {
            return null;
        }

        @Override
        public CompletableFuture<NamespaceListing> namespaces() {
            return CompletableFuture.completedFuture(listing);
        }

        @Override
        public void watchPods(PodListener podListener) {
            listener = podListener;
            podListener.state(ConnectionState.CONNECTING, null);
            podListener.reset(pods);
            podListener.state(ConnectionState.LIVE, null);
        }

        @Override
        public String podScope() {
            return podScope;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
