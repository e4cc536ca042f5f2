package dev.podscope.portforward;

import dev.podscope.testing.Eventually;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.api.AccessPolicy;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way a forward can fail says why in one line and leaves nothing listening behind. */
class ForwardErrorsTest {
    private static Sandbox sandbox;
    private static ApiClient client;
    private final ForwardManager manager = new ForwardManager(ForwardManagerTest.FAST);
    private final List<ForwardStatus> heard = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxPods.start();
        client = SandboxPods.client(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void closeForwards() {
        manager.closeAll();
    }

    @Test
    void aLocalPortInUseIsNamed() throws Exception {
        manager.addListener(heard::add);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> manager.start("sandbox", client, ForwardTarget.service("default", "web", "http"),
                    port, null)).isInstanceOf(PortForwardException.class)
                    .hasMessage("Local port " + port + " on 127.0.0.1 is already in use");
        }
        assertThat(manager.list()).isEmpty();
        assertThat(heard).last().satisfies(s -> {
            assertThat(s.state()).isEqualTo(ForwardState.FAILED);
            assertThat(s.lastError()).contains("already in use");
        });
    }

    @Test
    void aPodThatIsNotRunningIsRefused() {
        String pending = sandbox.store().list(Resources.PODS, "data").items().stream()
                .map(s -> s.object().getMetadata().getName()).filter(n -> n.startsWith("ml-training")).findFirst().orElseThrow();
        assertThatThrownBy(() -> manager.start("sandbox", client, ForwardTarget.pod("data", pending, "8080"), 0, null))
                .isInstanceOf(PortForwardException.class)
                .hasMessage("Pod data/" + pending + " is not running (its phase is Pending)");
        assertThat(manager.list()).isEmpty();
    }

    @Test
    void portsThatAreNotExposedAreRefused() {
        String web = SandboxPods.name(SandboxPods.ready(sandbox, "default", "web"));
        assertThatThrownBy(() -> manager.start("sandbox", client, ForwardTarget.service("default", "web", "81"), 0, null))
                .hasMessage("Service default/web does not have a service port 81 (it has [80/http])");
        assertThatThrownBy(() -> manager.start("sandbox", client, ForwardTarget.pod("default", web, "admin"), 0, null))
                .hasMessage("Pod default/" + web + " does not expose a container port named 'admin'");
        assertThatThrownBy(() -> manager.start("sandbox", client, ForwardTarget.pod("default", web, "81"), 0, null))
                .isInstanceOf(PortForwardException.class)
                .hasMessageContaining("port 81 of pod default/" + web).hasMessageContaining("connection refused");
        assertThat(manager.list()).isEmpty();
    }

    @Test
    void aServiceWithoutReadyPodsIsRefused() {
        assertThatThrownBy(() -> manager.start("sandbox", client,
                ForwardTarget.service("shop", "recommendations", "http"), 0, null))
                .hasMessage("Service shop/recommendations has no ready pods behind it");
    }

    @Test
    void forbiddenForwardsSayWhoMayNot() throws Exception {
        sandbox.server().addToken("no-forwards", AccessPolicy.allowAll("carol").deny(null, "pods/portforward", null));
        ApiClient carol = SandboxPods.client(sandbox);
        carol.setApiKeyPrefix("Bearer");
        carol.setApiKey("no-forwards");
        assertThatThrownBy(() -> manager.start("sandbox", carol, ForwardTarget.service("default", "web", "http"), 0, null))
                .isInstanceOf(PortForwardException.class)
                .hasMessageStartingWith("Forbidden to port-forward to port 80 of pod default/web-")
                .satisfies(e -> assertThat(((PortForwardException) e).httpCode()).isEqualTo(403));
        assertThat(manager.list()).isEmpty();
    }

    @Test
    void aMissingTargetIsNamed() {
        assertThatThrownBy(() -> manager.start("sandbox", client, ForwardTarget.service("default", "nope", "80"), 0, null))
                .hasMessage("Service default/nope not found");
        assertThatThrownBy(() -> manager.start("sandbox", client, ForwardTarget.deployment("default", "nope", "80"), 0, null))
                .hasMessage("Deployment default/nope not found");
        assertThatThrownBy(() -> manager.start("sandbox", client, ForwardTarget.pod("default", "nope", "80"), 0, null))
                .hasMessage("Pod default/nope not found");
    }

    @Test
    void whenTheTargetIsGoneTheForwardFailsAndFreesItsPort() throws Exception {
        Forward forward = manager.start("sandbox", client, ForwardTarget.service("shop", "inventory", "grpc"), 0, null);
        int port = forward.status().localPort();
        sandbox.store().delete(Resources.SERVICES, "shop", "inventory");
        sandbox.store().delete(Resources.PODS, "shop", forward.status().pod());
        Eventually.until("the forward to fail", () -> forward.state() == ForwardState.FAILED);
        assertThat(forward.status().lastError()).isEqualTo("Service shop/inventory not found");
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void listeningBeyondLoopbackCarriesAWarning() throws Exception {
        Forward forward = manager.start("sandbox", client, ForwardTarget.service("default", "web", "http"), 0, "0.0.0.0");
        assertThat(forward.status().warning())
                .isEqualTo("Listening on 0.0.0.0: other machines that can reach this address can use the forward too");
        assertThat(forward.status().url()).isEqualTo("http://127.0.0.1:" + forward.status().localPort());
    }
}
