package dev.podscope.cli;

import dev.podscope.probes.ProbeComparison;
import dev.podscope.probes.ProbeException;
import dev.podscope.probes.ProbeKind;
import dev.podscope.probes.ProbeRepeat;
import dev.podscope.probes.ProbeResult;
import dev.podscope.probes.ProbeRunner;
import dev.podscope.session.ClusterErrors;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Probe;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code podscope probe}: runs a container's liveness, readiness or startup probe now, from this machine, as the
 * kubelet would judge it (or an ad-hoc HTTP GET / TCP connect), prints the verdict next to what the kubelet last
 * reported, and exits 0 when every run succeeded, 1 otherwise.
 */
@Command(name = "probe", description = "Run a container's probe now and compare with what the kubelet reported.")
final class ProbeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "Pod name (or pod/NAME).")
    String name;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace (default: the context's).")
    String namespace;

    @Option(names = {"-c", "--container"}, paramLabel = "C", description = "Container (default: the"
            + " kubectl.kubernetes.io/default-container annotation's, else the first).")
    String container;

    @Option(names = "--kind", paramLabel = "KIND", description = "readiness, liveness or startup (default: the first"
            + " of these the container declares).")
    String kind;

    @Option(names = "--repeat", paramLabel = "N", description = "Run N times, periodSeconds apart (default: 1).")
    int repeat = 1;

    @Option(names = "--period", paramLabel = "SECONDS", description = "Seconds between runs (default: the probe's"
            + " periodSeconds, else 10).")
    Integer period;

    @ArgGroup(exclusive = true)
    AdHoc adHoc;

    static final class AdHoc {
        @Option(names = "--http", paramLabel = "PORT/PATH", description = "Ad-hoc: GET PATH on PORT (number or name).")
        String http;

        @Option(names = "--tcp", paramLabel = "PORT", description = "Ad-hoc: connect to PORT (number or name).")
        String tcp;
    }

    @Mixin
    ConnectionOptions cluster;

    @Override
    public Integer call() throws Exception {
        if (repeat < 1) {
            throw new CliErrors.UserError("--repeat must be at least 1");
        }
        ClusterConnection connection = cluster.open();
        String ns = namespace != null ? namespace : connection.namespace();
        ApiClient client = connection.client();
        V1Pod pod = readPod(client, ns, name.startsWith("pod/") ? name.substring(4) : name);
        ProbeRunner runner = new ProbeRunner();
        V1Container c;
        try {
            c = ProbeRunner.container(pod, container);
        } catch (ProbeException e) {
            throw new CliErrors.UserError(e.getMessage());
        }
        ProbeKind probeKind = adHoc == null ? kind(c) : null;
        V1Probe probe = probeKind == null ? null : probeKind.of(c);
        Duration every = Duration.ofSeconds(period != null ? period
                : probe != null && probe.getPeriodSeconds() != null ? probe.getPeriodSeconds() : 10);
        PrintStream out = System.out;
        out.println((probeKind == null ? "Ad-hoc check" : probeKind.label() + " probe") + " of container "
                + c.getName() + " in pod " + ns + "/" + pod.getMetadata().getName());
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        ProbeRepeat runsOf = ProbeRepeat.start(() -> runOnce(runner, client, pod, c, probeKind), every, repeat, result -> {
            int n = runs.incrementAndGet();
            if (!result.success()) {
                failures.incrementAndGet();
            }
            print(out, result, repeat > 1 ? "#" + n + " " : "");
        });
        runsOf.await();
        if (runsOf.error() != null) {
            throw runsOf.error();
        }
        if (probeKind != null) {
            printComparison(out, client, ns, pod, c, probeKind, runsOf.history());
        }
        if (repeat > 1) {
            out.println((runs.get() - failures.get()) + "/" + runs.get() + " succeeded");
        }
        out.flush();
        return failures.get() == 0 && runs.get() == repeat ? 0 : 1;
    }

    private ProbeResult runOnce(ProbeRunner runner, ApiClient client, V1Pod pod, V1Container c, ProbeKind probeKind) {
        try {
            if (adHoc != null && adHoc.http != null) {
                int slash = adHoc.http.indexOf('/');
                String port = slash < 0 ? adHoc.http : adHoc.http.substring(0, slash);
                return runner.runAdHocHttp(client, pod, port, slash < 0 ? "/" : adHoc.http.substring(slash));
            }
            if (adHoc != null) {
                return runner.runAdHocTcp(client, pod, adHoc.tcp);
            }
            return runner.run(client, pod, c, probeKind.of(c));
        } catch (ProbeException e) {
            throw new CliErrors.UserError(e.getMessage());
        }
    }

    private static void print(PrintStream out, ProbeResult result, String prefix) {
        out.println(prefix + result.action() + ": " + (result.success() ? "success" : "FAILURE") + " in "
                + result.latency().toMillis() + " ms — " + result.message());
        if (!result.output().isBlank()) {
            String first = result.output().strip().replace("\n", "\n    ");
            out.println("    " + (first.length() > 300 ? first.substring(0, 300) + "…" : first));
        }
        out.flush();
    }

    private static void printComparison(PrintStream out, ApiClient client, String ns, V1Pod pod, V1Container c,
                                        ProbeKind probeKind, List<ProbeResult> history) {
        if (history.isEmpty()) {
            return;
        }
        try {
            V1Pod fresh = readPod(client, ns, pod.getMetadata().getName());
            out.println(ProbeComparison.of(client, fresh, c.getName(), probeKind, history.getLast()).summary());
        } catch (ApiException | CliErrors.UserError e) {
            out.println("kubelet: cannot read what it reported: " + e.getMessage());
        }
    }

    private ProbeKind kind(V1Container c) {
        if (kind != null) {
            ProbeKind wanted;
            try {
                wanted = ProbeKind.parse(kind);
            } catch (IllegalArgumentException e) {
                throw new CliErrors.UserError(e.getMessage());
            }
            if (wanted.of(c) == null) {
                throw new CliErrors.UserError("container " + c.getName() + " has no " + kind.toLowerCase() + " probe");
            }
            return wanted;
        }
        for (ProbeKind k : List.of(ProbeKind.READINESS, ProbeKind.LIVENESS, ProbeKind.STARTUP)) {
            if (k.of(c) != null) {
                return k;
            }
        }
        throw new CliErrors.UserError("container " + c.getName() + " declares no probe; use --http PORT/PATH or --tcp PORT");
    }

    private static V1Pod readPod(ApiClient client, String ns, String pod) {
        try {
            return new CoreV1Api(client).readNamespacedPod(pod, ns).execute();
        } catch (ApiException e) {
            throw new CliErrors.UserError(e.getCode() == 404 ? "pod " + ns + "/" + pod + " not found"
                    : "cannot read pod " + ns + "/" + pod + ": " + (e.getCode() == 0 ? e.getMessage()
                    : "the API server answered " + e.getCode() + " " + ClusterErrors.statusMessage(e)));
        }
    }
}
