package dev.podscope.kube;

import dev.podscope.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a real bash plugin; the clock is moved by hand to cross expiry. */
class ExecCredentialProviderTest {
    private static final String OWNER = "user \"robot\" in ~/.kube/config";

    @TempDir
    Path dir;
    private PluginScript plugin;
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final AtomicInteger rotations = new AtomicInteger();

    @BeforeEach
    void writePlugin() throws Exception {
        plugin = new PluginScript(dir);
    }

    @Test
    void cachesTheCredentialUntilItExpiresThenRunsThePluginAgain() throws Exception {
        ExecCredentialProvider provider = provider(config(ExecPlugin.V1, "Never",
                env("PLUGIN_EXPIRES", "2030-01-01T01:00:00Z")));

        assertThat(provider.current().token()).isEqualTo("tok-1");
        assertThat(provider.current().token()).isEqualTo("tok-1");
        clock.advance(Duration.ofMinutes(59));
        assertThat(provider.current().token()).isEqualTo("tok-1");
        assertThat(plugin.runs()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        ExecCredential refreshed = provider.current();
        assertThat(refreshed.token()).isEqualTo("tok-2");
        assertThat(refreshed.expiry()).isEqualTo(Instant.parse("2030-01-01T01:00:00Z"));
        assertThat(plugin.runs()).isEqualTo(2);
        assertThat(rotations).as("token rotation does not drop connections").hasValue(0);
    }

    @Test
    void withoutExpiryTheCredentialLastsUntilTheServerRejectsIt() throws Exception {
        ExecCredentialProvider provider = provider(config(ExecPlugin.V1, "Never", List.of()));
        ExecCredential first = provider.current();
        clock.advance(Duration.ofDays(400));
        assertThat(provider.current()).isSameAs(first);

        ExecCredential second = provider.refreshAfterRejection(first);
        assertThat(second.token()).isEqualTo("tok-2");
        // a second request that was rejected with the old credential must not run the plugin again
        assertThat(provider.refreshAfterRejection(first)).isSameAs(second);
        assertThat(plugin.runs()).isEqualTo(2);
    }

    @Test
    void runsCommandWithArgsEnvAndExecInfoLikeClientGo() throws Exception {
        ExecConfig v1 = new ExecConfig(plugin.script.toString(), List.of("get-token", "--cluster=prod"),
                List.of(new ExecConfig.EnvVar("PLUGIN_REGION", "eu-west-1"),
                        new ExecConfig.EnvVar("PARENT_VAR", "overridden-by-kubeconfig")),
                ExecPlugin.V1, null, false, "Never");
        provider(v1).current();
        assertThat(plugin.execInfo(1)).isEqualTo(
                "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\","
                        + "\"spec\":{\"interactive\":false}}\n");
        assertThat(plugin.seen(1)).isEqualTo("eu-west-1|overridden-by-kubeconfig|get-token --cluster=prod");

        provider(config(ExecPlugin.V1BETA1, "IfAvailable", env("PLUGIN_API", ExecPlugin.V1BETA1))).current();
        assertThat(plugin.execInfo(2)).isEqualTo(
                "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1beta1\","
                        + "\"spec\":{\"interactive\":false}}\n");
        assertThat(plugin.seen(2)).as("the parent environment is passed on").isEqualTo("|from-parent|");
    }

    @Test
    void providesClusterInfoWhenAsked() throws Exception {
        ObjectNode cluster = JsonNodeFactory.instance.objectNode().put("server", "https://10.0.0.1:6443");
        ExecConfig config = new ExecConfig(plugin.script.toString(), List.of(), List.of(), ExecPlugin.V1, null, true,
                "Never");
        new ExecCredentialProvider(new ExecPlugin(config, parentEnv(), cluster), OWNER, clock, rotations::incrementAndGet)
                .current();
        assertThat(plugin.execInfo(1)).isEqualTo("{\"kind\":\"ExecCredential\",\"apiVersion\":"
                + "\"client.authentication.k8s.io/v1\",\"spec\":{\"cluster\":{\"server\":\"https://10.0.0.1:6443\"},"
                + "\"interactive\":false}}\n");
    }

    @Test
    void failingPluginReportsExitCodeAndStderr() {
        ExecCredentialProvider provider = provider(config(ExecPlugin.V1, "Never", env("PLUGIN_FAIL", "wrong password")));
        assertThatThrownBy(provider::current)
                .isInstanceOf(KubeCredentialsException.class)
                .hasMessage("getting credentials for " + OWNER + ": exec: executable " + plugin.script
                        + " failed with exit code 3: login failed: wrong password");
    }

    @Test
    void missingPluginShowsTheInstallHint() {
        ExecConfig config = new ExecConfig(dir.resolve("no-such-plugin").toString(), List.of(), List.of(),
                ExecPlugin.V1, "Install it with: brew install int128/kubelogin/kubelogin", false, "Never");
        assertThatThrownBy(() -> provider(config).current())
                .isInstanceOf(KubeCredentialsException.class)
                .hasMessage("getting credentials for " + OWNER + ": exec: executable " + dir.resolve("no-such-plugin")
                        + " not found\n\nInstall it with: brew install int128/kubelogin/kubelogin");
    }

    @Test
    void rejectsOutputThatIsNotAUsableExecCredential() throws Exception {
        ExecCredentialProvider provider = provider(config(ExecPlugin.V1, "Never", List.of()));
        plugin.respond("{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"token\":\"secret-value\"}}");
        assertThatThrownBy(provider::current).hasMessageEndingWith("exec plugin is configured to use API version "
                + "client.authentication.k8s.io/v1, plugin returned version client.authentication.k8s.io/v1beta1");

        plugin.respond("{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\"}");
        assertThatThrownBy(provider::current).hasMessageEndingWith("exec plugin didn't return a status field");

        plugin.respond("{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"clientCertificateData\":\"x\"}}");
        assertThatThrownBy(provider::current)
                .hasMessageEndingWith("exec plugin returned only certificate or key, not both");

        plugin.respond("token=secret-value");
        assertThatThrownBy(provider::current).hasMessageContaining("decoding stdout")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-value"));
    }

    @Test
    void rotatingTheClientCertificateDropsConnections() throws Exception {
        TestPki.Issued ca = TestPki.ca("exec-ca");
        TestPki.Issued client = TestPki.client(ca, "exec-user", TestPki.ec());
        plugin.respond(certificateResponse(client));
        ExecCredentialProvider provider = provider(config(ExecPlugin.V1, "Never", List.of()));
        ExecCredential first = provider.current();
        assertThat(first.certificate().chain().getFirst()).isEqualTo(client.certificate());

        provider.refreshAfterRejection(first);
        assertThat(rotations).as("same certificate again").hasValue(0);

        TestPki.Issued next = TestPki.client(ca, "exec-user", TestPki.rsa());
        plugin.respond(certificateResponse(next));
        provider.refreshAfterRejection(provider.current());
        assertThat(rotations).hasValue(1);
    }

    @Test
    void interactiveModeAlwaysAndMissingModeAreRefused() {
        assertThatThrownBy(() -> new ExecPlugin(config(ExecPlugin.V1, "Always", List.of()), parentEnv(), null))
                .hasMessageStartingWith("exec plugin cannot support interactive mode: standard input is not a terminal");
        assertThatThrownBy(() -> new ExecPlugin(config(ExecPlugin.V1, null, List.of()), parentEnv(), null))
                .hasMessage("interactiveMode must be specified to use exec authentication plugin");
        assertThatThrownBy(() -> new ExecPlugin(config("client.authentication.k8s.io/v2", "Never", List.of()),
                parentEnv(), null)).hasMessage("exec plugin: invalid apiVersion \"client.authentication.k8s.io/v2\"");
    }

    static String certificateResponse(TestPki.Issued client) {
        return JsonNodeFactory.instance.objectNode()
                .put("apiVersion", ExecPlugin.V1).put("kind", "ExecCredential")
                .set("status", JsonNodeFactory.instance.objectNode()
                        .put("clientCertificateData", client.certificatePem())
                        .put("clientKeyData", client.traditionalKeyPem()))
                .toString();
    }

    private ExecCredentialProvider provider(ExecConfig config) {
        return new ExecCredentialProvider(new ExecPlugin(config, parentEnv(), null), OWNER, clock,
                rotations::incrementAndGet);
    }

    private ExecConfig config(String apiVersion, String mode, List<ExecConfig.EnvVar> env) {
        return new ExecConfig(plugin.script.toString(), List.of(), env, apiVersion, null, false, mode);
    }

    private static List<ExecConfig.EnvVar> env(String name, String value) {
        return List.of(new ExecConfig.EnvVar(name, value));
    }

    private static Map<String, String> parentEnv() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PARENT_VAR", "from-parent");
        env.remove("PLUGIN_REGION");
        return env;
    }
}
