package dev.podscope.kube;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A TLS client identity: the key and its certificate chain, leaf first. Never printed. */
record ClientCertificate(PrivateKey key, List<X509Certificate> chain) {

    ClientCertificate {
        chain = List.copyOf(chain);
    }

    @Override
    public String toString() {
        return "ClientCertificate[subject=" + chain.getFirst().getSubjectX500Principal().getName() + "]";
    }
}
