package dev.podscope.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

/**
 * How a kubeconfig user authenticates, with client-go's precedence: token or tokenFile, or username/password
 * (never both), plus an optional client certificate; the exec plugin is used only when none of those is set.
 */
final class ClientAuth {
    private final HeaderAuth header;
    private final ClientCertificate staticCertificate;
    private final ExecCredentialProvider exec;

    private ClientAuth(HeaderAuth header, ClientCertificate staticCertificate, ExecCredentialProvider exec) {
        this.header = header;
        this.staticCertificate = staticCertificate;
        this.exec = exec;
    }

    static ClientAuth none() {
        return new ClientAuth(null, null, null);
    }

    /**
     * @param owner       names the user in messages, e.g. {@code user "u" in ~/.kube/config}
     * @param clusterInfo the ExecCredential {@code spec.cluster} for plugins that ask for it
     */
    static ClientAuth forUser(UserEntry user, String owner, Clock clock, Map<String, String> environ,
                              ObjectNode clusterInfo, Runnable onCertificateRotation) {
        List<String> methods = new ArrayList<>();
        if (user.hasToken()) {
            methods.add("token");
        }
        if (user.hasBasicAuth()) {
            methods.add("basicAuth");
        }
        if (methods.size() > 1) {
            throw new KubeconfigException("more than one authentication method found for " + owner + "; found "
                    + methods + ", only one is allowed");
        }
        HeaderAuth header = null;
        if (user.tokenFile() != null) {
            TokenFile file = new TokenFile(user.tokenFile(), user.token(), clock).open(owner);
            header = new HeaderAuth(() -> "Bearer " + file.token());
        } else if (user.token() != null) {
            header = new HeaderAuth(() -> "Bearer " + user.token());
        } else if (user.hasBasicAuth()) {
            String value = Credentials.basic(nullToEmpty(user.username()), nullToEmpty(user.password()));
            header = new HeaderAuth(() -> value);
        }
        ClientCertificate certificate = staticCertificate(user, owner);
        ExecCredentialProvider exec = null;
        if (user.exec() != null && header == null && certificate == null) {
            try {
                ExecPlugin plugin = new ExecPlugin(user.exec(), environ, clusterInfo);
                exec = new ExecCredentialProvider(plugin, owner, clock, onCertificateRotation);
            } catch (IllegalArgumentException e) {
                throw new KubeconfigException(owner + ": " + e.getMessage());
            }
        }
        return new ClientAuth(header, certificate, exec);
    }

    /** Whether a client certificate is configured statically (it makes a scheme-less server default to https). */
    boolean hasStaticCertificate() {
        return staticCertificate != null;
    }

    /** Yields the client certificate for each TLS handshake, or null when the user has no certificate source. */
    Supplier<ClientCertificate> certificates() {
        if (staticCertificate != null) {
            return () -> staticCertificate;
        }
        if (exec != null) {
            return exec::certificateOrNull;
        }
        return null;
    }

    void applyTo(OkHttpClient.Builder builder) {
        if (header != null) {
            builder.addInterceptor(header);
        }
        if (exec != null) {
            ExecAuth auth = new ExecAuth(exec);
            builder.addInterceptor(auth);
            builder.authenticator(auth);
        }
    }

    private static ClientCertificate staticCertificate(UserEntry user, String owner) {
        if (!user.hasClientCertificate() && !user.hasClientKey()) {
            return null;
        }
        if (!user.hasClientKey()) {
            throw new KubeconfigException("client-key-data or client-key must be specified for " + owner
                    + " to use the clientCert authentication method");
        }
        if (!user.hasClientCertificate()) {
            throw new KubeconfigException("client-cert-data or client-cert must be specified for " + owner
                    + " to use the clientCert authentication method");
        }
        byte[] certificate = dataOrFile(user.clientCertificateData(), user.clientCertificate(), "client-certificate",
                owner);
        byte[] key = dataOrFile(user.clientKeyData(), user.clientKey(), "client-key", owner);
        try {
            return Pem.keyPair(certificate, key);
        } catch (IllegalArgumentException e) {
            throw new KubeconfigException("invalid client certificate/key for " + owner + ": " + e.getMessage());
        }
    }

    /** Inline data wins over the file, as in client-go ("client-cert-data will override"). */
    static byte[] dataOrFile(byte[] data, Path file, String field, String owner) {
        if (data != null) {
            return data;
        }
        if (file == null) {
            return null;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KubeconfigException("unable to read " + field + " " + file + " for " + owner + " ("
                    + IoReasons.of(e) + ")");
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
