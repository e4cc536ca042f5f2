package dev.podscope.kube;

import java.nio.file.Path;

/**
 * A named user (AuthInfo) of the merged kubeconfig. Relative paths (client certificate, key, token file and an
 * exec command containing a path separator) are already resolved against the directory of {@code sourceFile}.
 * {@link #toString()} never shows secrets.
 *
 * @param clientCertificateData decoded {@code client-certificate-data} (PEM bytes), or null
 * @param clientKeyData         decoded {@code client-key-data} (PEM bytes), or null
 * @param exec                  the exec credential plugin, or null
 */
public record UserEntry(String name, Path clientCertificate, byte[] clientCertificateData, Path clientKey,
                        byte[] clientKeyData, String token, Path tokenFile, String username, String password,
                        ExecConfig exec, Path sourceFile) {

    public boolean hasToken() {
        return token != null || tokenFile != null;
    }

    public boolean hasBasicAuth() {
        return username != null || password != null;
    }

    public boolean hasClientCertificate() {
        return clientCertificate != null || clientCertificateData != null;
    }

    public boolean hasClientKey() {
        return clientKey != null || clientKeyData != null;
    }

    @Override
    public String toString() {
        return "UserEntry[name=" + name + ", clientCertificate=" + describe(clientCertificate, clientCertificateData)
                + ", clientKey=" + describe(clientKey, clientKeyData) + ", token=" + (token == null ? "none" : "<redacted>")
                + ", tokenFile=" + tokenFile + ", username=" + username + ", password="
                + (password == null ? "none" : "<redacted>") + ", exec=" + exec + ", sourceFile=" + sourceFile + "]";
    }

    private static String describe(Path file, byte[] data) {
        if (data != null) {
            return "<inline data>";
        }
        return String.valueOf(file);
    }
}
