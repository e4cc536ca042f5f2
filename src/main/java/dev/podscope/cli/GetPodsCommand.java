package dev.podscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podscope.format.GetOutput;
import dev.podscope.format.GetScope;
import dev.podscope.format.GetTable;
import dev.podscope.format.KubectlObjectPrinter;
import dev.podscope.format.PodFileReader;
import dev.podscope.format.WireJson;
import io.kubernetes.client.openapi.models.V1Pod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "get", description = "Show pods as `kubectl get pods` does, from a cluster or from a file.")
final class GetPodsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "pods", description = "The resource: pods (also pod, po).")
    String resource;

    @Parameters(index = "1..*", paramLabel = "NAME", description = "Pod names (default: all).")
    List<String> names = new ArrayList<>();

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace (default: the context's).")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "Pods of all namespaces.")
    boolean allNamespaces;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Label selector, e.g. app=web,tier!=db.")
    String selector;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "wide, json or yaml.")
    String output;

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE", description = "Render pods from a JSON/YAML file (Pod, PodList or List) without a cluster.")
    Path file;

    @Mixin
    ConnectionOptions cluster;

    @Override
    public Integer call() throws Exception {
        if (!List.of("pods", "pod", "po").contains(resource)) {
            throw new CliErrors.UserError("podscope get supports pods only, not \"" + resource + "\"");
        }
        if (output != null && !List.of("wide", "json", "yaml").contains(output)) {
            throw new CliErrors.UserError("unknown output format \"" + output + "\": use wide, json or yaml");
        }
        if (file == null && allNamespaces && !names.isEmpty()) {
            throw new CliErrors.UserError("a resource cannot be retrieved by name across all namespaces");
        }
        return file != null ? fromFile() : fromCluster();
    }

    private int fromFile() throws Exception {
        List<V1Pod> pods = PodFileReader.read(file);
        if (isObjectOutput()) {
            // as an API server would serve them: no empty collections, timestamps in whole seconds
            List<JsonNode> items = pods.stream().map(p -> KubectlObjectPrinter.parse(WireJson.serialize(p))).toList();
            print(items.size() == 1 ? items.getFirst() : KubectlObjectPrinter.asList(items));
            return 0;
        }
        GetScope scope = allNamespaces ? GetScope.ALL_NAMESPACES : GetScope.inNamespace(namespaceOf(pods));
        write(GetTable.pods(pods, Instant.now(), scope, "wide".equals(output)));
        return 0;
    }

    private int fromCluster() {
        ClusterConnection connection = cluster.open();
        String ns = namespace != null ? namespace : connection.namespace();
        String base = allNamespaces ? "/api/v1/pods" : "/api/v1/namespaces/" + ns + "/pods";
        ServerRequests server = new ServerRequests(connection);
        Map<String, String> query = new LinkedHashMap<>();
        if (selector != null) {
            query.put("labelSelector", selector);
        }
        List<String> notFound = new ArrayList<>();
        if (isObjectOutput()) {
            objects(server, base, query, notFound).ifPresent(this::print);
        } else {
            GetScope scope = allNamespaces ? GetScope.ALL_NAMESPACES : GetScope.inNamespace(ns);
            List<JsonNode> tables = new ArrayList<>();
            if (names.isEmpty()) {
                tables.addAll(server.pages(base, query, ServerRequests.TABLE));
            } else {
                names.forEach(name -> server.named(base + "/" + name, ServerRequests.TABLE, notFound)
                        .ifPresent(tables::add));
            }
            if (!tables.isEmpty()) {
                write(ServerTable.render(tables, scope, "wide".equals(output)));
            }
        }
        System.out.flush();
        notFound.forEach(System.err::println);
        return notFound.isEmpty() ? 0 : 1;
    }

    /** As kubectl: one name prints that object (or nothing when it is missing), anything else prints a List. */
    private Optional<JsonNode> objects(ServerRequests server, String base, Map<String, String> query,
                                       List<String> notFound) {
        if (names.size() == 1) {
            return server.named(base + "/" + names.getFirst(), ServerRequests.JSON, notFound);
        }
        List<JsonNode> items = new ArrayList<>();
        if (names.isEmpty()) {
            for (JsonNode page : server.pages(base, query, ServerRequests.JSON)) {
                page.path("items").forEach(item -> items.add(withKind(item)));
            }
        } else {
            names.forEach(name -> server.named(base + "/" + name, ServerRequests.JSON, notFound)
                    .ifPresent(items::add));
        }
        return Optional.of(KubectlObjectPrinter.asList(items));
    }

    /** Items of a list carry no kind; kubectl prints each with apiVersion and kind filled in. */
    private static JsonNode withKind(JsonNode item) {
        var object = (com.fasterxml.jackson.databind.node.ObjectNode) item;
        object.put("apiVersion", "v1");
        object.put("kind", "Pod");
        return object;
    }

    private boolean isObjectOutput() {
        return "json".equals(output) || "yaml".equals(output);
    }

    private void print(JsonNode node) {
        System.out.print("json".equals(output) ? KubectlObjectPrinter.json(node) : KubectlObjectPrinter.yaml(node));
    }

    private String namespaceOf(List<V1Pod> pods) {
        if (namespace != null) {
            return namespace;
        }
        return pods.isEmpty() || pods.getFirst().getMetadata().getNamespace() == null
                ? cluster.namespaceOrDefault() : pods.getFirst().getMetadata().getNamespace();
    }

    private static void write(GetOutput out) {
        System.out.print(out.stdout());
        System.out.flush();
        System.err.print(out.stderr());
    }
}
