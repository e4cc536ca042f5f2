package dev.podscope.kube;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.openapi.ApiClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;

/**
 * Builds a client-java {@link ApiClient} for one kubeconfig context: base path, TLS and authentication as kubectl
 * would use them. The OkHttp client has no read timeout (watches are long-lived) and a 10 s connect timeout.
 */
public final class ClientFactory {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private ClientFactory() {
    }

    /** @throws KubeconfigException when the context cannot be used; the message names context, file and field */
    public static ApiClient create(KubeconfigSet set, String contextName) {
        ResolvedContext resolved = ResolvedContext.of(set, contextName);
        ClusterEntry cluster = resolved.cluster();
        String clusterOwner = "cluster \"" + cluster.name() + "\" in " + set.display(cluster.sourceFile());
        byte[] caPem = ClientAuth.dataOrFile(cluster.certificateAuthorityData(), cluster.certificateAuthority(),
                "certificate-authority", clusterOwner);
        if (caPem != null && cluster.insecureSkipTlsVerify()) {
            throw new KubeconfigException(clusterOwner + " sets both insecure-skip-tls-verify and a certificate "
                    + "authority (specifying a root certificates file with the insecure flag is not allowed)");
        }
        List<X509Certificate> ca = caCertificates(caPem, clusterOwner);

        AtomicReference<ClientTls> tls = new AtomicReference<>();
        UserEntry user = resolved.user();
        ClientAuth auth = ClientAuth.none();
        if (user != null) {
            String owner = "user \"" + user.name() + "\" in " + set.display(user.sourceFile());
            auth = ClientAuth.forUser(user, owner, Clock.systemUTC(), System.getenv(), execClusterInfo(cluster, caPem),
                    () -> tls.get().closeConnections());
        }

        String server = serverUrl(cluster, caPem != null || auth.hasStaticCertificate(), clusterOwner);
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(Duration.ZERO);
        try {
            tls.set(ClientTls.create(cluster, ca, auth.certificates()));
        } catch (GeneralSecurityException e) {
            throw new KubeconfigException("cannot set up TLS for " + clusterOwner + ": " + e.getMessage(), e);
        }
        tls.get().applyTo(builder);
        auth.applyTo(builder);
        ApiClient client = new ApiClient(builder.build());
        client.setBasePath(server);
        return client;
    }

    private static List<X509Certificate> caCertificates(byte[] caPem, String owner) {
        if (caPem == null) {
            return null;
        }
        try {
            return Pem.certificates(caPem);
        } catch (IllegalArgumentException e) {
            throw new KubeconfigException("unable to load root certificates for " + owner + ": " + e.getMessage());
        }
    }

    /** client-go's DefaultServerURL: a server without scheme gets https when TLS is configured, else http. */
    private static String serverUrl(ClusterEntry cluster, boolean tlsConfigured, String owner) {
        String server = cluster.server();
        if (!hasSchemeAndHost(server)) {
            server = (tlsConfigured || cluster.insecureSkipTlsVerify() ? "https://" : "http://") + server;
            if (!hasSchemeAndHost(server)) {
                throw new KubeconfigException(owner + " has an invalid server URL \"" + cluster.server() + "\"");
            }
        }
        return server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    }

    private static boolean hasSchemeAndHost(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The ExecCredential spec.cluster object (client.authentication.k8s.io Cluster), field order as in Go. */
    private static ObjectNode execClusterInfo(ClusterEntry cluster, byte[] caPem) {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("server", cluster.server());
        if (cluster.tlsServerName() != null) {
            info.put("tls-server-name", cluster.tlsServerName());
        }
        if (cluster.insecureSkipTlsVerify()) {
            info.put("insecure-skip-tls-verify", true);
        }
        if (caPem != null) {
            info.put("certificate-authority-data", Base64.getEncoder().encodeToString(caPem));
        }
        if (cluster.proxyUrl() != null) {
            info.put("proxy-url", cluster.proxyUrl());
        }
        return info;
    }
}
