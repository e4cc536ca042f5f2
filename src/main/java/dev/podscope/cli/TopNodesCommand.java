package dev.podscope.cli;

import dev.podscope.metrics.MetricsException;
import dev.podscope.metrics.MetricsReader;
import dev.podscope.metrics.NodeUsage;
import dev.podscope.metrics.TopPrinter;
import dev.podscope.session.ClusterErrors;
import dev.podscope.session.ClusterException;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "nodes", aliases = {"node", "no"},
        description = "CPU and memory of nodes and their share of allocatable, as `kubectl top node`.")
final class TopNodesCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "One node (default: all).")
    String name;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Label selector.")
    String selector;

    @Option(names = "--no-headers", description = "No header line.")
    boolean noHeaders;

    @Option(names = "--show-capacity", description = "Percentages of capacity instead of allocatable.")
    boolean showCapacity;

    @Mixin
    ConnectionOptions cluster;

    @Override
    public Integer call() {
        if (name != null && selector != null) {
            throw new CliErrors.UserError("only one of NAME or --selector can be provided");
        }
        ClusterConnection connection = cluster.open();
        MetricsReader reader = TopCommand.reader(connection);
        List<NodeUsage> usage;
        try {
            usage = name != null ? List.of(reader.node(name)) : reader.nodes(selector);
        } catch (MetricsException e) {
            return TopCommand.refused(e);
        }
        if (usage.isEmpty()) {
            throw new CliErrors.UserError("metrics not available yet");
        }
        Map<String, TopPrinter.Available> available = new LinkedHashMap<>();
        for (V1Node node : nodes(connection)) {
            Map<String, Quantity> resources = node.getStatus() == null ? null
                    : showCapacity ? node.getStatus().getCapacity() : node.getStatus().getAllocatable();
            available.put(node.getMetadata().getName(), resources == null ? new TopPrinter.Available(null, null)
                    : new TopPrinter.Available(millis(resources.get("cpu")), millis(resources.get("memory"))));
        }
        System.out.print(TopPrinter.nodes(usage, available, !noHeaders));
        System.out.flush();
        return 0;
    }

    private List<V1Node> nodes(ClusterConnection connection) {
        CoreV1Api api = new CoreV1Api(connection.client());
        try {
            return name != null ? List.of(api.readNode(name).execute())
                    : api.listNode().labelSelector(selector).execute().getItems();
        } catch (ApiException e) {
            throw new ClusterException(ClusterErrors.describe(e, connection.context(), connection.server()), e);
        }
    }

    /** Go's MilliValue: rounded up. */
    private static Long millis(Quantity q) {
        return q == null ? null : q.getNumber().movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
