package dev.podscope.kube;

import java.nio.file.Path;
import java.util.Map;

/** One parsed kubeconfig file, entries in file order, relative paths resolved against the file's directory. */
record KubeconfigFile(Path file, Map<String, ClusterEntry> clusters, Map<String, UserEntry> users,
                      Map<String, ContextEntry> contexts, String currentContext) {

    /** A context as the file states it; its cluster may come from another file. */
    record ContextEntry(String name, String cluster, String user, String namespace, Path sourceFile) {
    }
}
