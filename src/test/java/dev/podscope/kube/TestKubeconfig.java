package dev.podscope.kube;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a one-context kubeconfig (context, cluster and user all named "test") for a test and loads it. */
final class TestKubeconfig {
    private static final YAMLMapper YAML = new YAMLMapper();

    private TestKubeconfig() {
    }

    /**
     * @param cluster the cluster stanza (server and TLS fields)
     * @param user    the user stanza
     */
    static KubeconfigSet write(Path dir, Map<String, Object> cluster, Map<String, Object> user) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.put("current-context", "test");
        config.put("clusters", List.of(Map.of("name", "test", "cluster", cluster)));
        config.put("users", List.of(Map.of("name", "test", "user", user)));
        config.put("contexts", List.of(Map.of("name", "test", "context", Map.of("cluster", "test", "user", "test"))));
        Path file = dir.resolve("config");
        YAML.writeValue(file.toFile(), config);
        return KubeconfigLoader.load(KubeconfigSource.resolve(file.toString(), Map.of(), dir));
    }
}
