package dev.podscope.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsAListOfPodsSavedFromKubectlIncludingUnknownFields() throws Exception {
        Path file = Path.of(getClass().getResource("/format/files/pods-all-namespaces.yaml").toURI());
        List<V1Pod> pods = PodFileReader.read(file);
        assertThat(pods).extracting(p -> p.getMetadata().getName()).containsExactly("web-5d8f7c9b4-x2x9q",
                "api-7c6d8f9b5-kq4lm", "backup-28930560-q2x9z", "db-0", "etcd-kind-control-plane", "node-exporter-8hx2k");
        assertThat(pods.get(1).getStatus().getContainerStatuses().getFirst().getLastState().getTerminated()
                .getFinishedAt()).hasToString("2024-12-31T23:56Z");
    }

    @Test
    void readsASinglePodFromJson() throws Exception {
        Path file = write("pod.json", """
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "solo", "namespace": "dev"},
                 "spec": {"containers": [{"name": "app", "image": "nginx"}]}}
                """);
        assertThat(PodFileReader.read(file)).singleElement()
                .satisfies(p -> assertThat(p.getMetadata().getNamespace()).isEqualTo("dev"));
    }

    @Test
    void readsAPodListFromJson() throws Exception {
        List<V1Pod> pods = PodFileReader.parse("list.json", """
                {"apiVersion": "v1", "kind": "PodList", "items": [{"metadata": {"name": "a"}}, {"metadata": {"name": "b"}}]}
                """);
        assertThat(pods).extracting(p -> p.getMetadata().getName()).containsExactly("a", "b");
    }

    @Test
    void readsEveryYamlDocumentAndSkipsEmptyOnes() throws Exception {
        List<V1Pod> pods = PodFileReader.parse("multi.yaml", """
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: first}
                ---
                kind: List
                items:
                - {kind: Pod, metadata: {name: second}}
                - {kind: Pod, metadata: {name: third}}
                ---
                """);
        assertThat(pods).extracting(p -> p.getMetadata().getName()).containsExactly("first", "second", "third");
    }

    @Test
    void emptyFileHasNoPods() throws Exception {
        assertThat(PodFileReader.parse("empty.yaml", "")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not a pod           | kind: Service\\nmetadata: {name: s}               | bad.yaml: document 1 is a Service, not a Pod
            service in a list   | kind: List\\nitems: [{kind: Service}]             | bad.yaml: document 1, item 1 is a Service, not a Pod
            second document     | kind: Pod\\n---\\nkind: Deployment                | bad.yaml: document 2 is a Deployment, not a Pod
            no kind             | metadata: {name: x}                              | bad.yaml: document 1 has no kind; expected Pod, PodList or List
            scalar document     | just text                                        | bad.yaml: document 1 is not an object; expected a Pod, PodList or List
            items not a list    | kind: PodList\\nitems: 3                          | bad.yaml: document 1: items is not a list
            wrong field type    | kind: Pod\\nspec: {containers: 5}                 | bad.yaml: document 1 is not a valid Pod:
            bad timestamp       | kind: Pod\\nmetadata: {creationTimestamp: later}  | bad.yaml: document 1 is not a valid Pod:
            broken yaml         | kind: Pod\\nmetadata: {name: [x}                  | bad.yaml: invalid YAML at line 2, column
            broken json         | {"kind": "Pod",                                  | bad.yaml: invalid JSON at line 1, column
            """)
    void explainsBadInputInOneLineNamingTheFile(String name, String content, String message) {
        assertThatThrownBy(() -> PodFileReader.parse("bad.yaml", content.replace("\\n", "\n")))
                .isInstanceOf(PodFileException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception"));
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> PodFileReader.read(missing)).isInstanceOf(PodFileException.class)
                .hasMessage(missing + ": no such file");
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
