package dev.podscope.ui;

import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A real kubeconfig file with the contexts the UI tests switch between. */
final class TestKubeconfig {
    private TestKubeconfig() {
    }

    static KubeconfigSet write(Path dir, String current, String... contexts) {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: Config\ncurrent-context: " + current + "\n");
        yaml.append("clusters:\n");
        for (String context : contexts) {
            yaml.append("- name: ").append(context).append("\n  cluster:\n    server: https://")
                    .append(context).append(".example.test:6443\n");
        }
        yaml.append("users:\n- name: tester\n  user:\n    token: not-a-secret\n");
        yaml.append("contexts:\n");
        for (String context : contexts) {
            yaml.append("- name: ").append(context).append("\n  context:\n    cluster: ").append(context)
                    .append("\n    user: tester\n    namespace: shop\n");
        }
        try {
            Path file = dir.resolve("config");
            Files.writeString(file, yaml);
            return KubeconfigLoader.load(new KubeconfigSource(List.of(file), true, dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
