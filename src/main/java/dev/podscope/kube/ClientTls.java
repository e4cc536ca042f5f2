package dev.podscope.kube;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The TLS side of a kubeconfig cluster, as client-go's TLSConfigFor sets it up: only the given CA bundle is trusted
 * when there is one (else the system roots), verification is off only with {@code insecure-skip-tls-verify}, and
 * {@code tls-server-name} replaces the URL host for SNI and certificate checks.
 */
final class ClientTls {
    private final SSLContext context;
    private final TrackingSslSocketFactory socketFactory;
    private final X509TrustManager trustManager;
    private final HostnameVerifier hostnameVerifier;

    private ClientTls(SSLContext context, TrackingSslSocketFactory socketFactory, X509TrustManager trustManager,
                      HostnameVerifier hostnameVerifier) {
        this.context = context;
        this.socketFactory = socketFactory;
        this.trustManager = trustManager;
        this.hostnameVerifier = hostnameVerifier;
    }

    /**
     * @param caCertificates     the cluster's CA bundle, or null to trust the system roots
     * @param clientCertificate  yields the client certificate at each handshake (null when there is none), or null
     */
    static ClientTls create(ClusterEntry cluster, List<X509Certificate> caCertificates,
                            Supplier<ClientCertificate> clientCertificate) throws GeneralSecurityException {
        boolean insecure = cluster.insecureSkipTlsVerify();
        X509TrustManager trust = insecure ? new InsecureTrustManager() : trustManager(caCertificates);
        KeyManager[] keys = clientCertificate == null ? null
                : new KeyManager[] {new ClientCertKeyManager(clientCertificate)};
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, new TrustManager[] {trust}, null);
        String serverName = cluster.tlsServerName();
        TrackingSslSocketFactory factory = new TrackingSslSocketFactory(context.getSocketFactory(), serverName,
                !insecure);
        // with tls-server-name the JDK checks the certificate against that name during the handshake (see
        // TrackingSslSocketFactory), so OkHttp must not check it again against the URL host
        HostnameVerifier verifier = insecure || serverName != null ? (host, session) -> true : null;
        return new ClientTls(context, factory, trust, verifier);
    }

    void applyTo(OkHttpClient.Builder builder) {
        builder.sslSocketFactory(socketFactory, trustManager);
        if (hostnameVerifier != null) {
            builder.hostnameVerifier(hostnameVerifier);
        }
    }

    /**
     * Closes every open connection and forgets TLS sessions, so the next request makes a full handshake with the
     * current client certificate (a resumed session would keep the old identity; Go's client does not resume).
     */
    void closeConnections() {
        SSLSessionContext sessions = context.getClientSessionContext();
        for (byte[] id : Collections.list(sessions.getIds())) {
            SSLSession session = sessions.getSession(id);
            if (session != null) {
                session.invalidate();
            }
        }
        socketFactory.closeAll();
    }

    private static X509TrustManager trustManager(List<X509Certificate> caCertificates)
            throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (caCertificates == null) {
            factory.init((KeyStore) null);
        } else {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            try {
                store.load(null, null);
            } catch (IOException e) {
                throw new GeneralSecurityException("cannot create an in-memory trust store", e);
            }
            for (int i = 0; i < caCertificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, caCertificates.get(i));
            }
            factory.init(store);
        }
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }
}
