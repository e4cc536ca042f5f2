package dev.podscope.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Context resolution and the configuration errors a user can make; no request is sent. */
class ClientFactoryTest {
    @TempDir
    Path dir;

    @Test
    void unknownContextNamesTheFilesThatWereRead() {
        KubeconfigSet set = Fixtures.loadList(dir, "merge/first.yaml", "merge/other/second.yaml");
        assertThatThrownBy(() -> ClientFactory.create(set, "x"))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("context \"x\" not found in kubeconfig (files: " + Fixtures.path("merge/first.yaml") + ", "
                        + Fixtures.path("merge/other/second.yaml") + ")");

        KubeconfigSet empty = KubeconfigLoader.load(KubeconfigSource.resolve(null, Map.of(), dir));
        assertThatThrownBy(() -> ClientFactory.create(empty, "x"))
                .hasMessage("context \"x\" not found in kubeconfig (files: none)");
    }

    @Test
    void contextPointingAtMissingClusterOrUserNamesContextAndFile() throws Exception {
        KubeconfigSet set = Fixtures.loadList(dir, "merge/first.yaml", "merge/other/second.yaml");
        assertThatThrownBy(() -> ClientFactory.create(set, "zeta-orphan"))
                .hasMessage("context \"zeta-orphan\" in " + Fixtures.path("merge/other/second.yaml")
                        + " refers to cluster \"nowhere\", which no kubeconfig file defines");

        Path kube = Files.createDirectories(dir.resolve(".kube"));
        Files.writeString(kube.resolve("config"), """
                clusters:
                - name: c
                  cluster: {server: "https://c.example.com"}
                - name: serverless
                  cluster: {}
                contexts:
                - {name: lost-user, context: {cluster: c, user: ghost}}
                - {name: no-server, context: {cluster: serverless}}
                """);
        KubeconfigSet home = KubeconfigLoader.load(KubeconfigSource.resolve(null, Map.of(), dir));
        assertThatThrownBy(() -> ClientFactory.create(home, "lost-user")).hasMessage(
                "context \"lost-user\" in ~/.kube/config refers to user \"ghost\", which no kubeconfig file defines");
        assertThatThrownBy(() -> ClientFactory.create(home, "no-server"))
                .hasMessage("cluster \"serverless\" in ~/.kube/config has no server");
    }

    @Test
    void contextWithoutUserIsAnonymous() throws Exception {
        Files.writeString(dir.resolve("config"), """
                clusters: [{name: c, cluster: {server: "c.example.com:6443"}}]
                contexts: [{name: anon, context: {cluster: c}}]
                """);
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.resolve(dir.resolve("config").toString(),
                Map.of(), dir));
        ApiClient client = ClientFactory.create(set, "anon");
        assertThat(client.getBasePath()).as("no TLS configured: client-go defaults to http")
                .isEqualTo("http://c.example.com:6443");
        assertThat(client.getHttpClient().interceptors()).isEmpty();
    }

    @Test
    void serverWithoutSchemeDefaultsToHttpsWhenTlsIsConfigured() throws Exception {
        String ca = Base64.getEncoder().encodeToString(TestPki.ca("ca").certificatePemBytes());
        KubeconfigSet set = TestKubeconfig.write(dir,
                Map.of("server", "10.0.0.1:6443/", "certificate-authority-data", ca), Map.of("token", "t"));
        assertThat(ClientFactory.create(set, "test").getBasePath()).isEqualTo("https://10.0.0.1:6443");
    }

    @Test
    void insecureWithCertificateAuthorityIsRefused() throws Exception {
        String ca = Base64.getEncoder().encodeToString(TestPki.ca("ca").certificatePemBytes());
        KubeconfigSet set = TestKubeconfig.write(dir, Map.of("server", "https://h", "certificate-authority-data", ca,
                "insecure-skip-tls-verify", true), Map.of());
        assertThatThrownBy(() -> ClientFactory.create(set, "test")).hasMessage("cluster \"test\" in ~/config sets both "
                + "insecure-skip-tls-verify and a certificate authority (specifying a root certificates file with the "
                + "insecure flag is not allowed)");
    }

    @Test
    void unreadableOrInvalidFilesAreNamed() throws Exception {
        KubeconfigSet missingCa = TestKubeconfig.write(dir, Map.of("server", "https://h",
                "certificate-authority", "nope.crt"), Map.of());
        assertThatThrownBy(() -> ClientFactory.create(missingCa, "test")).hasMessage("unable to read "
                + "certificate-authority " + dir.resolve("nope.crt") + " for cluster \"test\" in ~/config "
                + "(file not found)");

        Files.writeString(dir.resolve("garbage.crt"), "not a certificate");
        KubeconfigSet badCa = TestKubeconfig.write(dir, Map.of("server", "https://h",
                "certificate-authority", "garbage.crt"), Map.of());
        assertThatThrownBy(() -> ClientFactory.create(badCa, "test"))
                .hasMessage("unable to load root certificates for cluster \"test\" in ~/config: no PEM certificate found");

        KubeconfigSet missingToken = TestKubeconfig.write(dir, Map.of("server", "https://h"),
                Map.of("tokenFile", "missing-token"));
        assertThatThrownBy(() -> ClientFactory.create(missingToken, "test")).hasMessage("unable to read tokenFile "
                + dir.resolve("missing-token") + " for user \"test\" in ~/config: file not found");
    }

    @Test
    void clientCertificateNeedsAMatchingKey() throws Exception {
        TestPki.Issued ca = TestPki.ca("ca");
        TestPki.Issued alice = TestPki.client(ca, "alice", TestPki.ec());
        TestPki.Issued mallory = TestPki.client(ca, "mallory", TestPki.ec());
        KubeconfigSet noKey = TestKubeconfig.write(dir, Map.of("server", "https://h"),
                Map.of("client-certificate-data", base64(alice.certificatePem())));
        assertThatThrownBy(() -> ClientFactory.create(noKey, "test")).hasMessage("client-key-data or client-key must "
                + "be specified for user \"test\" in ~/config to use the clientCert authentication method");

        KubeconfigSet wrongKey = TestKubeconfig.write(dir, Map.of("server", "https://h"), Map.of(
                "client-certificate-data", base64(alice.certificatePem()),
                "client-key-data", base64(mallory.traditionalKeyPem())));
        assertThatThrownBy(() -> ClientFactory.create(wrongKey, "test")).hasMessage("invalid client "
                + "certificate/key for user \"test\" in ~/config: the private key does not match the certificate");
    }

    @Test
    void tokenAndBasicAuthTogetherAreRefused() throws Exception {
        KubeconfigSet set = TestKubeconfig.write(dir, Map.of("server", "https://h"),
                Map.of("token", "t", "username", "u", "password", "p"));
        assertThatThrownBy(() -> ClientFactory.create(set, "test")).hasMessage("more than one authentication method "
                + "found for user \"test\" in ~/config; found [token, basicAuth], only one is allowed");
    }

    @Test
    void execPluginThatWantsATerminalIsRefusedUpFront() throws Exception {
        KubeconfigSet set = TestKubeconfig.write(dir, Map.of("server", "https://h"), Map.of("exec", Map.of(
                "apiVersion", ExecPlugin.V1, "command", "kubelogin", "interactiveMode", "Always")));
        assertThatThrownBy(() -> ClientFactory.create(set, "test"))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageStartingWith("user \"test\" in ~/config: exec plugin cannot support interactive mode: "
                        + "standard input is not a terminal");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
