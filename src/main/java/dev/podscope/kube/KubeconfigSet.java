package dev.podscope.kube;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The merged result of loading kubeconfig files; immutable. */
public final class KubeconfigSet {
    /** Go's sort.Strings order: by UTF-8 bytes, which is code point order. */
    private static final Comparator<String> GO_STRING_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    private final KubeconfigSource source;
    private final List<Path> files;
    private final List<String> problems;
    private final Map<String, ClusterEntry> clusters;
    private final Map<String, UserEntry> users;
    private final Map<String, KubeContext> contexts;
    private final String currentContext;

    KubeconfigSet(KubeconfigSource source, List<Path> files, List<String> problems, Map<String, ClusterEntry> clusters,
                  Map<String, UserEntry> users, List<KubeContext> contexts, String currentContext) {
        this.source = source;
        this.files = List.copyOf(files);
        this.problems = List.copyOf(problems);
        this.clusters = Collections.unmodifiableMap(new LinkedHashMap<>(clusters));
        this.users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
        this.contexts = Collections.unmodifiableMap(contexts.stream()
                .sorted(Comparator.comparing(KubeContext::name, GO_STRING_ORDER))
                .collect(Collectors.toMap(KubeContext::name, c -> c, (a, b) -> a, LinkedHashMap::new)));
        this.currentContext = currentContext;
    }

    /** All contexts, sorted by name as {@code kubectl config get-contexts} sorts them. */
    public List<KubeContext> contexts() {
        return List.copyOf(contexts.values());
    }

    public Optional<KubeContext> context(String name) {
        return Optional.ofNullable(contexts.get(name));
    }

    /** The merged {@code current-context}; it may name a context that does not exist. */
    public Optional<String> currentContext() {
        return Optional.ofNullable(currentContext);
    }

    /** The files that existed and were read (including broken ones), in precedence order. */
    public List<Path> files() {
        return files;
    }

    /** One message per file that could not be used, e.g. {@code ~/.kube/broken.yaml: not valid YAML at line 3: ...}. */
    public List<String> problems() {
        return problems;
    }

    /** Clusters by name, in precedence order. */
    public Map<String, ClusterEntry> clusters() {
        return clusters;
    }

    /** Users (AuthInfos) by name, in precedence order. */
    public Map<String, UserEntry> users() {
        return users;
    }

    public Optional<ClusterEntry> cluster(String name) {
        return Optional.ofNullable(clusters.get(name));
    }

    public Optional<UserEntry> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /** The path as the user would write it ({@code ~/.kube/config}). */
    public String display(Path path) {
        return source.display(path);
    }

    @Override
    public String toString() {
        return "KubeconfigSet[files=" + files + ", contexts=" + contexts.keySet() + ", current=" + currentContext
                + ", problems=" + problems.size() + "]";
    }
}
