package dev.podscope.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.VersionApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real HTTPS round trips against a local server, proving that TLS settings and credentials reach the wire. */
class ClientFactoryHttpsTest {
    private static TestPki.Issued ca;
    private static TestHttpsServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        ca = TestPki.ca("test-ca");
        server = new TestHttpsServer(TestPki.server(ca, List.of("localhost"), List.of("127.0.0.1")), ca.certificate());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void acceptEverything() {
        server.accept = request -> true;
    }

    @Test
    void bearerTokenReachesTheServerOverVerifiedTls() throws Exception {
        ApiClient client = client(trustedCluster(), Map.of("token", "static-token"));

        assertThat(new VersionApi(client).getCode().execute().getGitVersion()).isEqualTo("v1.32.0");
        assertThat(last()).isEqualTo(new TestHttpsServer.Seen("Bearer static-token", null, null));
        assertThat(client.getBasePath()).isEqualTo(server.url());
        assertThat(client.getHttpClient().readTimeoutMillis()).as("watches are long-lived").isZero();
        assertThat(client.getHttpClient().connectTimeoutMillis()).isEqualTo(10_000);
    }

    @Test
    void relativeCaFileAndBasicAuth() throws Exception {
        Files.writeString(dir.resolve("ca.crt"), ca.certificatePem());
        ApiClient client = client(Map.of("server", server.url(), "certificate-authority", "ca.crt"),
                Map.of("username", "admin", "password", "s3cret"));

        version(client);
        String expected = "Basic " + Base64.getEncoder().encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(last().authorization()).isEqualTo(expected);
    }

    @Test
    void tokenFileIsReadAgainWhenItChanges() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "first-token\n");
        ApiClient client = client(trustedCluster(), Map.of("tokenFile", "token"));
        version(client);
        assertThat(last().authorization()).isEqualTo("Bearer first-token");

        Files.writeString(token, "second-token\n");
        Files.setLastModifiedTime(token, FileTime.fromMillis(Files.getLastModifiedTime(token).toMillis() + 5_000));
        version(client);
        assertThat(last().authorization()).isEqualTo("Bearer second-token");
    }

    @Test
    void clientCertificateFromFilesWithAnRsaKey() throws Exception {
        TestPki.Issued alice = TestPki.client(ca, "alice", TestPki.rsa());
        Files.writeString(dir.resolve("alice.crt"), alice.certificatePem());
        Files.writeString(dir.resolve("alice.key"), alice.traditionalKeyPem());

        version(client(trustedCluster(), Map.of("client-certificate", "alice.crt", "client-key", "alice.key")));
        assertThat(last()).isEqualTo(new TestHttpsServer.Seen(null, "CN=alice,O=system:masters", null));
    }

    @Test
    void clientCertificateFromDataWithEcKeys() throws Exception {
        TestPki.Issued bob = TestPki.client(ca, "bob", TestPki.ec());
        for (String key : List.of(bob.traditionalKeyPem(), bob.pkcs8KeyPem())) {
            version(client(trustedCluster(), Map.of("client-certificate-data", base64(bob.certificatePem()),
                    "client-key-data", base64(key))));
            assertThat(last().clientSubject()).isEqualTo("CN=bob,O=system:masters");
        }
    }

    @Test
    void execPluginTokenIsCachedAcrossRequests() throws Exception {
        PluginScript plugin = new PluginScript(Files.createDirectories(dir.resolve("bin")));
        ApiClient client = client(trustedCluster(), Map.of("exec", exec("bin/plugin", Map.of())));

        version(client);
        version(client);
        assertThat(server.seen().subList(server.seen().size() - 2, server.seen().size()))
                .extracting(TestHttpsServer.Seen::authorization).containsExactly("Bearer tok-1", "Bearer tok-1");
        assertThat(plugin.runs()).isEqualTo(1);
    }

    @Test
    void execPluginRunsAgainAfterA401AndTheRequestIsRetried() throws Exception {
        PluginScript plugin = new PluginScript(dir);
        server.accept = request -> !"Bearer tok-1".equals(request.authorization());
        ApiClient client = client(trustedCluster(), Map.of("exec", exec("./plugin", Map.of())));
        int before = server.seen().size();

        assertThat(new VersionApi(client).getCode().execute().getGitVersion()).isEqualTo("v1.32.0");
        assertThat(server.seen().subList(before, server.seen().size()))
                .extracting(TestHttpsServer.Seen::authorization).containsExactly("Bearer tok-1", "Bearer tok-2");
        assertThat(plugin.runs()).isEqualTo(2);
    }

    @Test
    void execPluginClientCertificateIsPresentedAndRotatedAfterA401() throws Exception {
        PluginScript plugin = new PluginScript(dir);
        TestPki.Issued old = TestPki.client(ca, "old-identity", TestPki.ec());
        TestPki.Issued fresh = TestPki.client(ca, "fresh-identity", TestPki.rsa());
        plugin.respond(ExecCredentialProviderTest.certificateResponse(old));
        ApiClient client = client(trustedCluster(), Map.of("exec", exec("./plugin", Map.of())));
        version(client);
        assertThat(last()).isEqualTo(new TestHttpsServer.Seen(null, "CN=old-identity,O=system:masters", null));

        server.accept = request -> !request.clientSubject().startsWith("CN=old-identity");
        plugin.respond(ExecCredentialProviderTest.certificateResponse(fresh));
        version(client);
        assertThat(server.seen().getLast().clientSubject()).isEqualTo("CN=fresh-identity,O=system:masters");
        assertThat(plugin.runs()).isEqualTo(2);
    }

    @Test
    void failingExecPluginReportsItsStderr() throws Exception {
        new PluginScript(dir);
        ApiClient client = client(trustedCluster(), Map.of("exec", exec("./plugin", Map.of("PLUGIN_FAIL", "expired"))));

        assertThatThrownBy(() -> version(client)).isInstanceOf(ApiException.class)
                .cause().isInstanceOf(KubeCredentialsException.class)
                .hasMessageEndingWith("failed with exit code 3: login failed: expired");
    }

    @Test
    void aServerSignedByAnotherCaIsRejected() throws Exception {
        TestPki.Issued other = TestPki.ca("other-ca");
        ApiClient client = client(Map.of("server", server.url(),
                "certificate-authority-data", base64(other.certificatePem())), Map.of("token", "t"));

        assertThatThrownBy(() -> version(client)).isInstanceOf(ApiException.class)
                .cause().isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void verificationIsSkippedOnlyWhenTheKubeconfigSaysSo() throws Exception {
        ApiClient systemRoots = client(Map.of("server", server.url()), Map.of("token", "t"));
        assertThatThrownBy(() -> version(systemRoots)).cause().isInstanceOf(SSLHandshakeException.class);

        ApiClient explicitFalse = client(Map.of("server", server.url(), "insecure-skip-tls-verify", false),
                Map.of("token", "t"));
        assertThatThrownBy(() -> version(explicitFalse)).cause().isInstanceOf(SSLHandshakeException.class);

        ApiClient insecure = client(Map.of("server", server.url(), "insecure-skip-tls-verify", true),
                Map.of("token", "insecure-ok"));
        version(insecure);
        assertThat(last().authorization()).isEqualTo("Bearer insecure-ok");
    }

    @Test
    void hostnameIsCheckedAgainstTlsServerNameWhenSet() throws Exception {
        try (TestHttpsServer inCluster = new TestHttpsServer(
                TestPki.server(ca, List.of("kubernetes.default.svc"), List.of()), ca.certificate())) {
            Map<String, Object> cluster = new HashMap<>(Map.of("server", inCluster.url(),
                    "certificate-authority-data", base64(ca.certificatePem())));
            assertThatThrownBy(() -> version(client(cluster, Map.of("token", "t"))))
                    .cause().isInstanceOf(SSLPeerUnverifiedException.class);

            cluster.put("tls-server-name", "kubernetes.wrong.svc");
            assertThatThrownBy(() -> version(client(cluster, Map.of("token", "t"))))
                    .cause().isInstanceOf(SSLHandshakeException.class);

            cluster.put("tls-server-name", "kubernetes.default.svc");
            version(client(cluster, Map.of("token", "t")));
            assertThat(inCluster.seen().getLast().sni()).as("SNI carries the server name")
                    .isEqualTo("kubernetes.default.svc");
        }
    }

    private Map<String, Object> trustedCluster() {
        return Map.of("server", server.url(), "certificate-authority-data", base64(ca.certificatePem()));
    }

    private static Map<String, Object> exec(String command, Map<String, String> env) {
        List<Map<String, String>> vars = env.entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList();
        return Map.of("apiVersion", ExecPlugin.V1, "command", command, "interactiveMode", "Never", "env", vars);
    }

    private ApiClient client(Map<String, Object> cluster, Map<String, Object> user) throws Exception {
        return ClientFactory.create(TestKubeconfig.write(dir, cluster, user), "test");
    }

    private static void version(ApiClient client) throws ApiException {
        new VersionApi(client).getCode().execute();
    }

    private static TestHttpsServer.Seen last() {
        return server.seen().getLast();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
