package dev.podscope.kube;

import java.nio.file.Path;

/**
 * A named cluster of the merged kubeconfig. Relative file paths are already resolved against the directory of
 * {@code sourceFile}.
 *
 * @param certificateAuthority     CA bundle file, or null
 * @param certificateAuthorityData decoded {@code certificate-authority-data} (PEM bytes), or null
 */
public record ClusterEntry(String name, String server, Path certificateAuthority, byte[] certificateAuthorityData,
                           boolean insecureSkipTlsVerify, String tlsServerName, String proxyUrl, Path sourceFile) {

    @Override
    public String toString() {
        return "ClusterEntry[name=" + name + ", server=" + server + ", certificateAuthority=" + certificateAuthority
                + ", certificateAuthorityData=" + (certificateAuthorityData == null ? "none" : "present")
                + ", insecureSkipTlsVerify=" + insecureSkipTlsVerify + ", tlsServerName=" + tlsServerName
                + ", proxyUrl=" + proxyUrl + ", sourceFile=" + sourceFile + "]";
    }
}
