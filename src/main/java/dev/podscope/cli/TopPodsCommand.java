package dev.podscope.cli;

import dev.podscope.metrics.MetricsException;
import dev.podscope.metrics.MetricsReader;
import dev.podscope.metrics.PodUsage;
import dev.podscope.metrics.TopPrinter;
import dev.podscope.session.ClusterErrors;
import dev.podscope.session.ClusterException;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "pods", aliases = {"pod", "po"},
        description = "CPU and memory of pods (sum of their containers), as `kubectl top pod`.")
final class TopPodsCommand implements Callable<Integer> {
    /** kubectl's metricsCreationDelay: a pod younger than this may simply not have been scraped yet. */
    private static final Duration CREATION_DELAY = Duration.ofMinutes(2);

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "One pod (default: all).")
    String name;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace (default: the context's).")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "Pods of all namespaces.")
    boolean allNamespaces;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Label selector, e.g. app=web.")
    String selector;

    @Option(names = "--containers", description = "One line per container.")
    boolean containers;

    @Option(names = "--no-headers", description = "No header line.")
    boolean noHeaders;

    @Option(names = "--sum", description = "Add a line with the sum.")
    boolean sum;

    @Mixin
    ConnectionOptions cluster;

    @Override
    public Integer call() {
        if (name != null && selector != null) {
            throw new CliErrors.UserError("only one of NAME or selector can be provided");
        }
        ClusterConnection connection = cluster.open();
        String ns = namespace != null ? namespace : connection.namespace();
        MetricsReader reader = TopCommand.reader(connection);
        List<PodUsage> pods;
        try {
            pods = name != null ? List.of(reader.pod(allNamespaces ? "" : ns, name))
                    : reader.pods(allNamespaces ? null : ns, selector);
        } catch (MetricsException e) {
            return TopCommand.refused(e);
        }
        if (pods.isEmpty()) {
            explainEmpty(connection, ns);
            System.err.println(allNamespaces ? "No resources found" : "No resources found in " + ns + " namespace.");
        }
        System.out.print(TopPrinter.pods(pods, allNamespaces, containers, !noHeaders, sum));
        System.out.flush();
        return 0;
    }

    /**
     * As kubectl's verifyEmptyMetrics: an empty answer while pods exist means their metrics are missing (an old pod)
     * or not there yet (all young). Like kubectl, it looks at the context's namespace even with -A.
     */
    private void explainEmpty(ClusterConnection connection, String ns) {
        List<V1Pod> pods;
        try {
            pods = new CoreV1Api(connection.client()).listNamespacedPod(ns).labelSelector(selector).execute()
                    .getItems();
        } catch (ApiException e) {
            throw new ClusterException(ClusterErrors.describe(e, connection.context(), connection.server()), e);
        }
        if (pods.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        for (V1Pod pod : pods) {
            var created = pod.getMetadata().getCreationTimestamp();
            Duration age = created == null ? Duration.ZERO : Duration.between(created.toInstant(), now);
            if (age.compareTo(CREATION_DELAY) > 0) {
                throw new CliErrors.UserError("Metrics not available for pod " + pod.getMetadata().getNamespace()
                        + "/" + pod.getMetadata().getName() + ", age: " + goDuration(age));
            }
        }
        throw new CliErrors.UserError("metrics not available yet");
    }

    /** Go's Duration.String, to the millisecond: {@code 1h2m3.456s}. */
    private static String goDuration(Duration d) {
        StringBuilder text = new StringBuilder();
        if (d.toHours() > 0) {
            text.append(d.toHours()).append('h');
        }
        if (d.toHours() > 0 || d.toMinutesPart() > 0) {
            text.append(d.toMinutesPart()).append('m');
        }
        text.append(d.toSecondsPart());
        if (d.toMillisPart() > 0) {
            text.append('.').append(String.format("%03d", d.toMillisPart()).replaceAll("0+$", ""));
        }
        return text.append('s').toString();
    }
}
