package dev.podscope.cli;

import dev.podscope.describe.PodDescriber;
import dev.podscope.diagnosis.Diagnosis;
import dev.podscope.diagnosis.PodInvestigation;
import dev.podscope.events.PodEventReads;
import dev.podscope.metrics.MetricsReader;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code podscope describe pod NAME}: exactly what {@code kubectl describe pod} prints, then, for a pod that is not
 * healthy, a "Diagnosis:" section saying in plain words what is wrong.
 */
@Command(name = "describe", description = "Show the details of a pod as `kubectl describe pod` does, with a diagnosis.")
final class DescribeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TYPE", description = "pod (also pods, po).")
    String type;

    @Parameters(index = "1", paramLabel = "NAME", description = "Pod name.")
    String name;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace (default: the context's).")
    String namespace;

    @Option(names = "--show-events", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "List the pod's events (default: true).")
    boolean showEvents;

    @Option(names = "--diagnosis", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Add the Diagnosis section for an unhealthy pod (default: true).")
    boolean diagnosis;

    @Mixin
    ConnectionOptions cluster;

    @Override
    public Integer call() throws Exception {
        String kind = type.contains("/") ? type.substring(0, type.indexOf('/')) : type;
        if (!List.of("pod", "pods", "po").contains(kind)) {
            throw new CliErrors.UserError("only pods can be described, not \"" + type + "\"");
        }
        if (type.contains("/")) {
            throw new CliErrors.UserError("there is no need to specify a resource type as a separate argument when"
                    + " passing arguments in resource/name form");
        }
        ClusterConnection connection = cluster.open();
        String ns = namespace != null ? namespace : connection.namespace();
        V1Pod pod;
        try {
            pod = new CoreV1Api(connection.client()).readNamespacedPod(name, ns).execute();
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                System.err.println("Error from server (NotFound): pods \"" + name + "\" not found");
                return 1;
            }
            throw e;
        }
        List<CoreV1Event> events = new PodEventReads(connection.client()).podEvents(pod);
        Instant now = Instant.now();
        PrintStream out = System.out;
        out.print(PodDescriber.describe(pod, showEvents ? events : null, now));
        if (diagnosis) {
            MetricsReader metrics = new MetricsReader(connection.client(), connection.context());
            Optional<Diagnosis> d = new PodInvestigation(connection.client(), metrics.installed() ? metrics : null)
                    .explain(pod, events, now);
            d.ifPresent(found -> out.print(DiagnosisText.section(found)));
        }
        out.flush();
        return 0;
    }
}
