package dev.podscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code podscope get pods -f FILE} renders the file's pods itself; {@code kubectl get -f FILE} fetches the same pods
 * from the sandbox. Both must print the same, for a Pod, a PodList and a List, in JSON and in YAML.
 */
class GetPodsFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    static Path dir;

    private static KubectlComparison cluster;

    @BeforeAll
    static void startCluster() throws IOException {
        cluster = KubectlComparison.start(new StaticCluster().store(), dir, "static", "shop");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    static Stream<Arguments> files() throws IOException {
        JsonNode web = pod("shop", StaticCluster.COARSE.getFirst());
        JsonNode dns = pod("kube-system", "coredns-668d6bf9bc-7hx4d");
        List<JsonNode> shop = new ArrayList<>();
        for (String name : StaticCluster.COARSE) {
            shop.add(pod("shop", name));
        }
        Path multi = dir.resolve("pods-multi.yaml");
        StringBuilder documents = new StringBuilder();
        for (JsonNode pod : shop) {
            documents.append("---\n").append(YAML.writeValueAsString(pod).replaceFirst("^---\n", ""));
        }
        Files.writeString(multi, documents);
        Path podJson = write("pod.json", web);
        Path podYaml = write("pod-kube-system.yaml", dns);
        Path podListJson = write("podlist.json", list("PodList", shop));
        Path podListYaml = write("podlist.yaml", list("PodList", shop));
        Path listJson = write("list.json", list("List", shop));
        Path listYaml = write("list.yaml", list("List", List.of(web, dns)));
        List<Arguments> cases = new ArrayList<>();
        for (Path file : List.of(podJson, podYaml, podListJson, podListYaml, listJson, listYaml, multi)) {
            cases.add(Arguments.of(file, ""));
        }
        for (Path file : List.of(podYaml, podListJson, multi)) {
            cases.add(Arguments.of(file, "wide"));
        }
        Path singleItemList = write("single-item-list.yaml", list("PodList", List.of(dns)));
        for (Path file : List.of(podJson, podListYaml, listJson, singleItemList)) {
            cases.add(Arguments.of(file, "json"));
        }
        for (Path file : List.of(podYaml, podListJson, listYaml, multi)) {
            cases.add(Arguments.of(file, "yaml"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} -o \"{1}\"")
    @MethodSource("files")
    void printsWhatKubectlPrintsForTheSamePodsOnTheServer(Path file, String output) {
        List<String> options = new ArrayList<>(List.of("-f", file.toString(), "--kubeconfig", cluster.kubeconfig().toString()));
        if (!output.isEmpty()) {
            options.addAll(List.of("-o", output));
        }
        List<String> kubectlArgs = new ArrayList<>(List.of("get"));
        kubectlArgs.addAll(options);
        List<String> podscopeArgs = new ArrayList<>(List.of("get", "pods"));
        podscopeArgs.addAll(options);

        Cli.Result expected = cluster.kubectl(kubectlArgs.toArray(String[]::new));
        Cli.Result actual = Cli.run(podscopeArgs.toArray(String[]::new));

        assertThat(expected.exitCode()).as("kubectl's exit code; stderr: %s", expected.err()).isZero();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aFileWithoutPodsPrintsTheContextNamespace() throws IOException {
        Path empty = write("empty-list.json", list("List", List.of()));

        Cli.Result expected = cluster.kubectl("get", "-f", empty.toString(), "--kubeconfig", cluster.kubeconfig().toString());
        Cli.Result actual = Cli.run("get", "pods", "-f", empty.toString(), "--kubeconfig", cluster.kubeconfig().toString());

        assertThat(actual).isEqualTo(expected);
    }

    /** The pod as the sandbox serves it. */
    private static JsonNode pod(String namespace, String name) throws IOException {
        ClusterStore store = cluster.cluster().store();
        return JSON.readTree(store.get(Resources.PODS, namespace, name).orElseThrow().json());
    }

    private static JsonNode list(String kind, List<JsonNode> items) {
        ObjectNode list = JSON.createObjectNode().put("apiVersion", "v1").put("kind", kind);
        list.putObject("metadata");
        ArrayNode array = list.putArray("items");
        items.forEach(array::add);
        return list;
    }

    private static Path write(String name, JsonNode content) throws IOException {
        Path file = dir.resolve(name);
        if (name.endsWith(".json")) {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), content);
        } else {
            YAML.writeValue(file.toFile(), content);
        }
        return file;
    }
}
