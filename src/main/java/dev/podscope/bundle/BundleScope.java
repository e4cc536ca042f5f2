package dev.podscope.bundle;

import dev.podscope.bundle.redact.RedactionRule;
import dev.podscope.pods.PodKey;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a bundle collects: some namespaces, all of them, or a selection of pods (their namespaces' objects come
 * along), narrowed by a label selector; which logs, since when and how much of each; whether ConfigMap data is
 * included; the user's own redaction rules.
 */
public record BundleScope(List<String> namespaces, boolean allNamespaces, List<PodKey> pods, String labelSelector,
                          Duration since, LogSelection logs, long logLimitBytes, boolean configMapData,
                          List<RedactionRule> userRules) {
    public static final long DEFAULT_LOG_LIMIT = 10L * 1024 * 1024;

    public BundleScope {
        namespaces = List.copyOf(namespaces);
        pods = List.copyOf(pods);
        userRules = List.copyOf(userRules);
        Objects.requireNonNull(logs, "logs");
        if (logLimitBytes <= 0) {
            throw new IllegalArgumentException("the log limit must be positive");
        }
        if (!allNamespaces && namespaces.isEmpty() && pods.isEmpty()) {
            throw new IllegalArgumentException("a bundle needs namespaces, all namespaces or selected pods");
        }
    }

    public static BundleScope namespaces(List<String> namespaces) {
        return new BundleScope(namespaces, false, List.of(), null, null, LogSelection.ALL, DEFAULT_LOG_LIMIT, false,
                List.of());
    }

    public static BundleScope everyNamespace() {
        return new BundleScope(List.of(), true, List.of(), null, null, LogSelection.ALL, DEFAULT_LOG_LIMIT, false,
                List.of());
    }

    public static BundleScope pods(List<PodKey> pods) {
        return new BundleScope(List.of(), false, pods, null, null, LogSelection.ALL, DEFAULT_LOG_LIMIT, false,
                List.of());
    }

    public BundleScope withLabelSelector(String selector) {
        return new BundleScope(namespaces, allNamespaces, pods, selector, since, logs, logLimitBytes, configMapData, userRules);
    }

    public BundleScope withSince(Duration value) {
        return new BundleScope(namespaces, allNamespaces, pods, labelSelector, value, logs, logLimitBytes, configMapData, userRules);
    }

    public BundleScope withLogs(LogSelection value) {
        return new BundleScope(namespaces, allNamespaces, pods, labelSelector, since, value, logLimitBytes, configMapData, userRules);
    }

    public BundleScope withLogLimit(long bytes) {
        return new BundleScope(namespaces, allNamespaces, pods, labelSelector, since, logs, bytes, configMapData, userRules);
    }

    public BundleScope withConfigMapData(boolean value) {
        return new BundleScope(namespaces, allNamespaces, pods, labelSelector, since, logs, logLimitBytes, value, userRules);
    }

    public BundleScope withUserRules(List<RedactionRule> rules) {
        return new BundleScope(namespaces, allNamespaces, pods, labelSelector, since, logs, logLimitBytes, configMapData, rules);
    }

    /** Whether the pod belongs in the bundle when pods were selected one by one (always true otherwise). */
    boolean includes(String namespace, String pod) {
        return pods.isEmpty() || pods.contains(new PodKey(namespace, pod));
    }
}
