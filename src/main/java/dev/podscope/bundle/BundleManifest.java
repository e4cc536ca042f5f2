package dev.podscope.bundle;

import java.time.Instant;
import java.util.List;

/**
 * A bundle's {@code manifest.json} (docs/bundle-format.md), as far as opening a bundle needs it.
 *
 * @param createdAt when the bundle was captured: the "now" at which it is shown
 * @param context   the kubeconfig context it was captured from
 */
public record BundleManifest(String format, String podscopeVersion, Instant createdAt, String context,
                             Server server, Scope scope, List<FileEntry> files, List<Missing> missing) {
    public static final String FORMAT = "podscope-bundle/1";

    /** The API server's version at capture time. */
    public record Server(String gitVersion, String platform) {
    }

    /** What the capture was asked to collect. */
    public record Scope(List<String> namespaces, boolean allNamespaces, String labelSelector, String since,
                        String logs) {
        /** "all namespaces" or "namespaces a, b", for people. */
        public String describe() {
            if (allNamespaces) {
                return "all namespaces";
            }
            return namespaces == null || namespaces.isEmpty() ? "no namespaces"
                    : (namespaces.size() == 1 ? "namespace " : "namespaces ") + String.join(", ", namespaces);
        }
    }

    /** One file of the bundle with its size in bytes and lowercase hex sha256. */
    public record FileEntry(String path, long size, String sha256) {
    }

    /** What could not be collected, and why. */
    public record Missing(String path, String reason) {
    }
}
