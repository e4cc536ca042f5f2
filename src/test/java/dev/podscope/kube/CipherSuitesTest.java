package dev.podscope.kube;

import dev.podscope.sandbox.SandboxFixtures;
import dev.podscope.session.TestCluster;
import io.kubernetes.client.openapi.ApiClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CipherSuitesTest {
    @TempDir
    Path dir;

    @Test
    void putsChaChaFirstAndKeepsEverySuiteInItsOrder() throws Exception {
        String[] jdk = SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites();
        String[] ordered = CipherSuites.chaChaFirst(jdk);
        assertThat(ordered).containsExactlyInAnyOrder(jdk);
        List<String> chacha = List.of(jdk).stream().filter(s -> s.contains("CHACHA20")).toList();
        List<String> others = List.of(jdk).stream().filter(s -> !s.contains("CHACHA20")).toList();
        assertThat(chacha).isNotEmpty();
        assertThat(ordered).startsWith(chacha.toArray(String[]::new)).endsWith(others.toArray(String[]::new));
    }

    @Test
    void podscopeAndTheSandboxAgreeOnChaCha20AndAnAesFirstClientStillConnects() throws Exception {
        try (TestCluster cluster = TestCluster.start(SandboxFixtures.emptyCluster(1000))) {
            Path kubeconfig = cluster.kubeconfig(dir.resolve("kubeconfig"), "itest", "shop", TestCluster.ADMIN_TOKEN);
            ApiClient client = ClientFactory.create(
                    KubeconfigLoader.load(KubeconfigSource.resolve(kubeconfig.toString(), Map.of(), dir)), "itest");
            try (Response response = client.getHttpClient().newCall(new Request.Builder()
                    .url(client.getBasePath() + "/version").build()).execute()) {
                assertThat(response.code()).isEqualTo(200);
                assertThat(response.handshake().cipherSuite().javaName()).isEqualTo("TLS_CHACHA20_POLY1305_SHA256");
            }

            URI server = URI.create(client.getBasePath());
            TrackingSslSocketFactory factory = new TrackingSslSocketFactory(
                    SSLContext.getDefault().getSocketFactory(), null, false);
            try (SSLSocket socket = (SSLSocket) factory.createSocket(server.getHost(), server.getPort())) {
                assertThat(socket.getEnabledCipherSuites()).as("offered first").startsWith("TLS_CHACHA20_POLY1305_SHA256");
            }

            // a client offering only AES-GCM (as some do) is served all the same
            SSLContext trustAll = SSLContext.getInstance("TLS");
            trustAll.init(null, new TrustManager[]{new TrustAll()}, null);
            try (SSLSocket socket = (SSLSocket) trustAll.getSocketFactory().createSocket(server.getHost(), server.getPort())) {
                socket.setEnabledCipherSuites(new String[]{"TLS_AES_128_GCM_SHA256"});
                socket.startHandshake();
                assertThat(socket.getSession().getCipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
            }
        }
    }

    /** Only for learning which suite the server picks: no data goes over this connection. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
