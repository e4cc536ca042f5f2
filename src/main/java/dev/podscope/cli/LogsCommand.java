package dev.podscope.cli;

import dev.podscope.logs.ContainerChoice;
import dev.podscope.logs.GoDuration;
import dev.podscope.logs.LogException;
import dev.podscope.logs.LogRequest;
import dev.podscope.logs.LogStream;
import dev.podscope.logs.LoggingOrder;
import dev.podscope.logs.WorkloadPods;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import okhttp3.Response;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code podscope logs}: the same bytes as {@code kubectl logs} with the same flags — the container chosen the same
 * way (and the same "Defaulted container" note on stderr), the log copied as it comes, {@code --prefix} per line.
 */
@Command(name = "logs", description = "Print the log of a container in a pod, as `kubectl logs` does.")
final class LogsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "Pod name, pod/NAME, or TYPE/NAME of a Deployment,"
            + " ReplicaSet, StatefulSet, DaemonSet or Job (one of its pods is chosen as kubectl chooses it).")
    String name;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace (default: the context's).")
    String namespace;

    @Option(names = {"-c", "--container"}, paramLabel = "C", description = "Container (default: the"
            + " kubectl.kubernetes.io/default-container annotation's, else the first).")
    String container;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines as they are written.")
    boolean follow;

    @Option(names = {"-p", "--previous"}, description = "The log of the previous instance of the container.")
    boolean previous;

    @Option(names = "--timestamps", description = "Prefix each line with its RFC 3339 timestamp.")
    boolean timestamps;

    @Option(names = "--tail", paramLabel = "N", description = "Only the last N lines (default: all).")
    long tail = -1;

    @Option(names = "--since", paramLabel = "DURATION", description = "Only lines newer than this, e.g. 5m, 1h30m.")
    String since;

    @Option(names = "--limit-bytes", paramLabel = "N", description = "At most N bytes of each log.")
    Long limitBytes;

    @Option(names = "--all-containers", description = "The logs of all containers of the pod, init containers first.")
    boolean allContainers;

    @Option(names = "--prefix", description = "Prefix each line with [pod/NAME/CONTAINER].")
    boolean prefix;

    @Mixin
    ConnectionOptions cluster;

    @Override
    public Integer call() throws Exception {
        if (allContainers && container != null) {
            throw new CliErrors.UserError("--container cannot be used with --all-containers");
        }
        ClusterConnection connection = cluster.open();
        String ns = namespace != null ? namespace : connection.namespace();
        V1Pod pod = pod(connection.client(), ns);
        List<LogRequest> requests = new ArrayList<>();
        for (String c : containers(pod)) {
            requests.add(request(ns, pod.getMetadata().getName(), c));
        }
        PrintStream out = System.out;
        if (follow && requests.size() > 1) {
            followAll(connection.client(), requests, out);
        } else {
            for (LogRequest request : requests) {
                copy(connection.client(), request, out);
            }
        }
        out.flush();
        return 0;
    }

    private LogRequest request(String ns, String pod, String c) {
        Long sinceSeconds = since == null ? null : GoDuration.roundedSeconds(since);
        return LogRequest.of(ns, pod, c).withFollow(follow).withPrevious(previous).withTimestamps(timestamps)
                .withTailLines(tail < 0 ? null : tail).withSinceSeconds(sinceSeconds == null || sinceSeconds == 0
                        ? null : sinceSeconds).withLimitBytes(limitBytes);
    }

    /** The pod named, or the pod of a workload that kubectl would pick (saying so on stderr, as kubectl does). */
    private V1Pod pod(ApiClient client, String ns) throws ApiException, LogException {
        int slash = name.indexOf('/');
        String type = slash < 0 ? "pod" : name.substring(0, slash);
        String object = name.substring(slash + 1);
        if (List.of("pod", "pods", "po").contains(type)) {
            try {
                return new CoreV1Api(client).readNamespacedPod(object, ns).execute();
            } catch (ApiException e) {
                if (e.getCode() == 404) {
                    throw new CliErrors.UserError("pods \"" + object + "\" not found in namespace \"" + ns + "\"");
                }
                throw e;
            }
        }
        List<V1Pod> pods;
        try {
            pods = new ArrayList<>(WorkloadPods.list(client, ns, type, object));
        } catch (IllegalArgumentException e) {
            throw new CliErrors.UserError(e.getMessage());
        }
        if (pods.isEmpty()) {
            throw new CliErrors.UserError("no pods found for " + name + " in namespace \"" + ns + "\"");
        }
        pods.sort(LoggingOrder.BY_LOGGING);
        if (pods.size() > 1) {
            System.err.println("Found " + pods.size() + " pods, using pod/" + pods.getFirst().getMetadata().getName());
        }
        return pods.getFirst();
    }

    private List<String> containers(V1Pod pod) {
        if (allContainers) {
            return ContainerChoice.of(pod).stream().map(ContainerChoice::name).toList();
        }
        String podName = pod.getMetadata().getName();
        if (container != null) {
            if (ContainerChoice.of(pod).stream().noneMatch(c -> c.name().equals(container))) {
                throw new CliErrors.UserError("container " + container + " is not valid for pod " + podName);
            }
            return List.of(container);
        }
        String annotated = pod.getMetadata().getAnnotations() == null ? null
                : pod.getMetadata().getAnnotations().get(ContainerChoice.DEFAULT_CONTAINER_ANNOTATION);
        if (annotated != null && !annotated.isEmpty()) {
            if (ContainerChoice.of(pod).stream().anyMatch(c -> c.name().equals(annotated))) {
                return List.of(annotated);
            }
            System.err.println("Default container name \"" + annotated + "\" not found in pod " + podName);
        }
        List<V1Container> app = pod.getSpec().getContainers();
        List<V1Container> init = pod.getSpec().getInitContainers() == null ? List.of() : pod.getSpec().getInitContainers();
        String first = app.getFirst().getName();
        if (app.size() > 1 || !init.isEmpty()) {
            // podcmd.AllContainerNames: app containers, then init containers marked (init)
            String all = String.join(", ", Stream.concat(app.stream().map(V1Container::getName),
                    init.stream().map(c -> c.getName() + " (init)")).toList());
            System.err.println("Defaulted container \"" + first + "\" out of: " + all);
        }
        return List.of(first);
    }

    /** Copies one log as it comes: whole reads when unprefixed (bytes as the server sent them), else line by line. */
    private void copy(ApiClient client, LogRequest request, PrintStream out) throws LogException, IOException {
        try (Response response = LogStream.openRaw(client, request); InputStream in = response.body().byteStream()) {
            if (!prefix) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    if (follow) {
                        out.flush();
                    }
                }
                return;
            }
            PrefixedLines.copy(in, prefixOf(request), out, follow);
        }
    }

    /** kubectl follows several logs at once, each line written whole so that lines never interleave mid-way. */
    private void followAll(ApiClient client, List<LogRequest> requests, PrintStream out) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (LogRequest request : requests) {
            threads.add(Thread.ofVirtual().start(() -> {
                try (Response response = LogStream.openRaw(client, request);
                     InputStream in = response.body().byteStream()) {
                    PrefixedLines.copy(in, prefix ? prefixOf(request) : new byte[0], out, true);
                } catch (LogException | IOException e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }

    private static byte[] prefixOf(LogRequest request) {
        return ("[pod/" + request.pod() + "/" + request.container() + "] ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
