package dev.podscope.kube;

import java.time.Instant;

/**
 * What an exec plugin returned: a bearer token, a client certificate, or both.
 *
 * @param token       bearer token, or null
 * @param certificate client certificate, or null
 * @param expiry      {@code status.expirationTimestamp}, or null when the credential never expires by time
 */
record ExecCredential(String token, ClientCertificate certificate, Instant expiry) {

    @Override
    public String toString() {
        return "ExecCredential[token=" + (token == null ? "none" : "<redacted>") + ", certificate=" + certificate
                + ", expiry=" + expiry + "]";
    }
}
