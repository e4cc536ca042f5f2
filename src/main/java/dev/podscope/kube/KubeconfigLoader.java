package dev.podscope.kube;

import dev.podscope.kube.KubeconfigFile.ContextEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads and merges kubeconfig files with kubectl's rules (client-go {@code ClientConfigLoadingRules.Load}): files in
 * precedence order, the first file to name a cluster, user or context wins that whole entry, the first non-empty
 * {@code current-context} wins, and missing files are skipped. Unlike kubectl, a broken file does not stop the
 * others from loading: it is reported in {@link KubeconfigSet#problems()}.
 */
public final class KubeconfigLoader {
    private KubeconfigLoader() {
    }

    public static KubeconfigSet load(KubeconfigSource source) {
        if (source.explicit() && !Files.exists(source.files().getFirst())) {
            throw new KubeconfigException("kubeconfig " + source.display(source.files().getFirst()) + " not found");
        }
        List<Path> read = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<KubeconfigFile> parsed = new ArrayList<>();
        for (Path file : source.files()) {
            if (!Files.exists(file)) {
                continue;
            }
            read.add(file);
            try {
                parsed.add(KubeconfigParser.parse(file, Files.readAllBytes(file)));
            } catch (KubeconfigParser.ProblemException e) {
                problems.add(source.display(file) + ": " + e.getMessage());
            } catch (IOException e) {
                problems.add(source.display(file) + ": cannot be read (" + IoReasons.of(e) + ")");
            }
        }
        return merge(source, read, problems, parsed);
    }

    private static KubeconfigSet merge(KubeconfigSource source, List<Path> read, List<String> problems,
                                       List<KubeconfigFile> files) {
        Map<String, ClusterEntry> clusters = new LinkedHashMap<>();
        Map<String, UserEntry> users = new LinkedHashMap<>();
        Map<String, ContextEntry> contexts = new LinkedHashMap<>();
        String current = null;
        for (KubeconfigFile file : files) {
            file.clusters().forEach(clusters::putIfAbsent);
            file.users().forEach(users::putIfAbsent);
            file.contexts().forEach(contexts::putIfAbsent);
            if (current == null) {
                current = file.currentContext();
            }
        }
        List<KubeContext> merged = new ArrayList<>();
        for (ContextEntry c : contexts.values()) {
            ClusterEntry cluster = clusters.get(c.cluster());
            merged.add(new KubeContext(c.name(), c.cluster(), c.user(), c.namespace(),
                    cluster == null ? null : cluster.server(), c.sourceFile()));
        }
        return new KubeconfigSet(source, read, problems, clusters, users, merged, current);
    }
}
