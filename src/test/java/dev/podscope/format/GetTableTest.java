package dev.podscope.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code kubectl get pods} end to end: pods from a file, our cells, kubectl's layout and messages. */
class GetTableTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void allNamespacesAddsTheNamespaceColumn() throws Exception {
        GetOutput output = GetTable.pods(pods(), NOW, GetScope.ALL_NAMESPACES, false);
        assertThat(output.stdout()).isEqualTo(text("pods-all-namespaces.get-A.txt"));
        assertThat(output.stderr()).isEmpty();
    }

    @Test
    void wideAddsThePriorityOneColumns() throws Exception {
        GetOutput output = GetTable.pods(pods(), NOW, GetScope.ALL_NAMESPACES, true);
        assertThat(output.stdout()).isEqualTo(text("pods-all-namespaces.get-A-wide.txt"));
    }

    @Test
    void oneNamespaceHasNoNamespaceColumn() throws Exception {
        List<V1Pod> inDefault = pods().stream().filter(p -> "default".equals(p.getMetadata().getNamespace())).toList();
        GetOutput output = GetTable.pods(inDefault, NOW, GetScope.inNamespace("default"), false);
        assertThat(output.stdout()).isEqualTo(text("pods-all-namespaces.get-default.txt"));
    }

    /** Messages as kubectl 1.32.4 wrote them to stderr for empty lists. */
    @Test
    void nothingFoundGoesToStderr() {
        assertThat(GetTable.pods(List.of(), NOW, GetScope.inNamespace("empty"), false))
                .isEqualTo(new GetOutput("", "No resources found in empty namespace.\n"));
        assertThat(GetTable.pods(List.of(), NOW, GetScope.ALL_NAMESPACES, true))
                .isEqualTo(new GetOutput("", "No resources found\n"));
        assertThat(GetTable.render(new NodePrinter(), List.<V1Node>of(), NOW, GetScope.CLUSTER_SCOPED, false))
                .isEqualTo(new GetOutput("", "No resources found\n"));
    }

    private static List<V1Pod> pods() throws PodFileException, URISyntaxException {
        return PodFileReader.read(Path.of(GetTableTest.class.getResource("/format/files/pods-all-namespaces.yaml").toURI()));
    }

    private static String text(String name) throws IOException {
        try (InputStream in = GetTableTest.class.getResourceAsStream("/format/files/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
