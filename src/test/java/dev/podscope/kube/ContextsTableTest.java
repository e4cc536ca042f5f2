package dev.podscope.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code kubectl config get-contexts}, byte for byte against the real kubectl on the same files. */
class ContextsTableTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"merge/first.yaml", "merge/other/second.yaml", "merge/third.yaml", "broken/good.yaml",
            "json/config.json"})
    void singleFileMatchesKubectl(String fixture) throws Exception {
        Path file = Fixtures.path(fixture);
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.resolve(file.toString(), Map.of(), home));

        assertThat(ContextsTable.render(set))
                .isEqualTo(Kubectl.run(home, Map.of(), "config", "get-contexts", "--kubeconfig", file.toString()));
    }

    @Test
    void mergedListMatchesKubectl() throws Exception {
        String list = String.join(File.pathSeparator, Fixtures.path("merge/first.yaml").toString(),
                home.resolve("missing.yaml").toString(), Fixtures.path("merge/other/second.yaml").toString(),
                Fixtures.path("merge/third.yaml").toString());
        Map<String, String> env = Map.of("KUBECONFIG", list);
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.resolve(null, env, home));

        String expected = Kubectl.run(home, env, "config", "get-contexts");
        assertThat(ContextsTable.render(set)).isEqualTo(expected);
        assertThat(expected).contains("*         beta ").contains("Ärger");
    }

    @Test
    void noContextsPrintsTheHeaderOnly() throws Exception {
        Path empty = Files.writeString(home.resolve("empty.yaml"), "");
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.resolve(empty.toString(), Map.of(), home));

        String expected = Kubectl.run(home, Map.of(), "config", "get-contexts", "--kubeconfig", empty.toString());
        assertThat(ContextsTable.render(set)).isEqualTo(expected)
                .isEqualTo("CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n");
    }

    @Test
    void currentContextNamingNoContextMarksNothing() throws Exception {
        Path file = Files.writeString(home.resolve("dangling.yaml"), """
                apiVersion: v1
                kind: Config
                current-context: gone
                contexts:
                - name: here
                  context: {cluster: c, user: u, namespace: a-rather-long-namespace-name}
                """);
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.resolve(file.toString(), Map.of(), home));

        assertThat(ContextsTable.render(set))
                .isEqualTo(Kubectl.run(home, Map.of(), "config", "get-contexts", "--kubeconfig", file.toString()));
    }

    @Test
    void writtenKubeconfigMatchesKubectl() throws Exception {
        Path file = Files.writeString(home.resolve("sandbox.yaml"),
                KubeconfigWriter.yaml("podscope-sandbox", "https://127.0.0.1:6443", null, "t", "demo"));
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.resolve(file.toString(), Map.of(), home));

        assertThat(ContextsTable.render(set))
                .isEqualTo(Kubectl.run(home, Map.of(), "config", "get-contexts", "--kubeconfig", file.toString()));
    }
}
