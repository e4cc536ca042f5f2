package dev.podscope.kube;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

/**
 * Caches an exec plugin's credential as client-go's exec Authenticator does: reused until its expirationTimestamp
 * passes, re-run when it has expired or after the server rejected it. The lock also serialises plugin runs, so
 * concurrent requests never start the plugin twice.
 */
final class ExecCredentialProvider {
    private final ExecPlugin plugin;
    private final String owner;
    private final Clock clock;
    private final Runnable onCertificateRotation;
    private ExecCredential cached;

    /**
     * @param owner                 how messages name the user, e.g. {@code user "u" (~/.kube/config)}
     * @param onCertificateRotation run when a new client certificate replaces an older one, to drop connections
     *                              that still authenticate with the old one
     */
    ExecCredentialProvider(ExecPlugin plugin, String owner, Clock clock, Runnable onCertificateRotation) {
        this.plugin = plugin;
        this.owner = owner;
        this.clock = clock;
        this.onCertificateRotation = onCertificateRotation;
    }

    synchronized ExecCredential current() throws KubeCredentialsException {
        if (cached != null && !expired(cached)) {
            return cached;
        }
        return refresh();
    }

    /** After a 401: re-runs the plugin unless another request has already replaced the rejected credential. */
    synchronized ExecCredential refreshAfterRejection(ExecCredential rejected) throws KubeCredentialsException {
        if (rejected != cached) {
            return current();
        }
        return refresh();
    }

    /** For the TLS handshake, which cannot report an error: no certificate when the plugin fails. */
    ClientCertificate certificateOrNull() {
        try {
            return current().certificate();
        } catch (KubeCredentialsException e) {
            return null;
        }
    }

    private boolean expired(ExecCredential credential) {
        return credential.expiry() != null && clock.instant().isAfter(credential.expiry());
    }

    private ExecCredential refresh() throws KubeCredentialsException {
        ExecCredential fresh;
        try {
            fresh = plugin.run();
        } catch (IOException e) {
            throw new KubeCredentialsException("getting credentials for " + owner + ": " + e.getMessage());
        }
        ExecCredential previous = cached;
        cached = fresh;
        if (previous != null && !Objects.equals(previous.certificate(), fresh.certificate())) {
            onCertificateRotation.run();
        }
        return fresh;
    }
}
