package dev.podscope.kube;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Offers one client certificate, asked for at every handshake so an exec plugin can rotate it (client-go's
 * GetClientCertificate callback). Like Go's TLS client it ignores the server's list of acceptable issuers.
 */
final class ClientCertKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "kubeconfig-client";

    private final Supplier<ClientCertificate> certificate;

    /** @param certificate yields the current certificate, or null when there is none */
    ClientCertKeyManager(Supplier<ClientCertificate> certificate) {
        this.certificate = certificate;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        ClientCertificate current = certificate.get();
        if (current == null) {
            return null;
        }
        String algorithm = current.key().getAlgorithm();
        boolean usable = Arrays.stream(keyTypes).anyMatch(type -> type.equals(algorithm)
                || (type.equals("EC") && algorithm.equals("ECDSA")));
        return usable ? ALIAS : null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return chooseClientAlias(keyTypes, issuers, null);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        ClientCertificate current = certificate.get();
        return current == null ? null : current.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        ClientCertificate current = certificate.get();
        return current == null ? null : current.key();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return certificate.get() == null ? null : new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
