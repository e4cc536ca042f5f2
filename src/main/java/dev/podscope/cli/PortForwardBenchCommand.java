package dev.podscope.cli;

import dev.podscope.app.ForwardBenchListener;
import dev.podscope.app.ForwardTransfers;
import dev.podscope.sandbox.SandboxKubeconfig;
import dev.podscope.sandbox.SandboxServer;
import dev.podscope.sandbox.SandboxTls;
import dev.podscope.sandbox.containers.TransferPod;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Port-forward throughput and set-up latency on one sandbox pod, Podscope's forward (its own JVM) against
 * {@code kubectl port-forward}, both forwarding the same pod at the same time and measured in turns: MB/s of a
 * download from a byte source and of an echo round trip (every byte checked), and the time from connecting to the
 * first byte of an answer. Figures, not assertions.
 */
@Command(name = "port-forward", description = "Benchmark port-forward throughput and latency against kubectl port-forward.")
final class PortForwardBenchCommand implements Callable<Integer> {
    private static final String NAMESPACE = "bench";
    private static final String POD = "transfer";
    private static final List<Integer> PORTS = List.of(TransferPod.BULK_PORT, TransferPod.ECHO_PORT);

    @Option(names = "--mb", paramLabel = "MB", description = "Megabytes per transfer (default: ${DEFAULT-VALUE}).")
    int megabytes = 256;

    @Option(names = "--runs", paramLabel = "R", description = "Measured runs after a warm-up (default: ${DEFAULT-VALUE}).")
    int runs = 3;

    @Option(names = "--connections", paramLabel = "N", description = "New connections timed per run for the set-up latency (default: ${DEFAULT-VALUE}).")
    int connections = 20;

    @Option(names = "--jvm-option", paramLabel = "OPTION", description = "An option for the JVM of Podscope's forward, e.g. -XX:StartFlightRecording=filename=forward.jfr to profile it (repeatable).")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--kubectl", paramLabel = "PATH", description = "kubectl to compare with (default: ${DEFAULT-VALUE}).")
    String kubectl = "/usr/bin/kubectl";

    /** What one forwarder achieved over all runs. */
    private static final class Results {
        final List<Double> download = new ArrayList<>();
        final List<Double> echo = new ArrayList<>();
        final List<Double> firstByteMs = new ArrayList<>();
        final List<Double> cpuPerGb = new ArrayList<>();
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("podscope-forward-bench");
        ClusterStore store = new ClusterStore(Clock.systemUTC(), 1000, 42);
        store.create(Resources.NAMESPACES, new V1Namespace().metadata(new V1ObjectMeta().name(NAMESPACE)
                .labels(Map.of("kubernetes.io/metadata.name", NAMESPACE))));
        store.create(Resources.NODES, new V1Node().metadata(new V1ObjectMeta().name("node-1")));
        store.create(Resources.PODS, TransferPod.pod(NAMESPACE, POD, "node-1",
                OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5).withNano(0)));
        SandboxServer server = SandboxServer.start(store, SandboxTls.generate(), UUID.randomUUID().toString(), 0);
        Path kubeconfig = SandboxKubeconfig.write(dir.resolve("kubeconfig"), server, null, NAMESPACE);
        List<String> kubectlCmd = new ArrayList<>(List.of(kubectl, "--kubeconfig", kubeconfig.toString(), "-n",
                NAMESPACE, "port-forward", "pod/" + POD));
        List<String> podscopeCmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"));
        podscopeCmd.addAll(jvmOptions);
        podscopeCmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ForwardBenchListener.class.getName(),
                kubeconfig.toString(), NAMESPACE, POD));
        for (int port : PORTS) {
            kubectlCmd.add(":" + port);
            podscopeCmd.add(Integer.toString(port));
        }
        try (ForwarderProcess kubectlForward = ForwarderProcess.start("kubectl", kubectlCmd, dir, PORTS);
             ForwarderProcess podscopeForward = ForwarderProcess.start("podscope", podscopeCmd, dir, PORTS)) {
            System.out.printf("Port-forward benchmark: pod %s/%s in the sandbox, %d MB per transfer, %d runs after a"
                    + " warm-up, both forwarders running throughout (median, min-max)%n", NAMESPACE, POD, megabytes, runs);
            List<ForwarderProcess> forwarders = List.of(kubectlForward, podscopeForward);
            Results kubectlResults = new Results();
            Results podscopeResults = new Results();
            Map<ForwarderProcess, Results> results = Map.of(kubectlForward, kubectlResults, podscopeForward,
                    podscopeResults);
            // the warm-up moves as much as a run: the JVM's compiler has then seen the whole data path
            runOnce(forwarders, megabytes, 5, Map.of(kubectlForward, new Results(), podscopeForward, new Results()));
            for (int run = 0; run < runs; run++) {
                // alternate who goes first, so that neither always meets a warmer or a busier machine
                runOnce(run % 2 == 0 ? forwarders : forwarders.reversed(), megabytes, connections, results);
            }
            print(kubectlResults, podscopeResults);
        } finally {
            server.stop();
        }
        return 0;
    }

    /**
     * One run: each measurement taken for both forwarders back to back, so that a ratio compares the two under the
     * same load (the machine is shared); set-up latency alternates connection by connection.
     */
    private static void runOnce(List<ForwarderProcess> order, int mb, int newConnections,
                                Map<ForwarderProcess, Results> results) throws Exception {
        long bytes = mb * 1024L * 1024;
        for (ForwarderProcess forwarder : order) {
            double cpuBefore = forwarder.cpu().toNanos() / 1e9;
            results.get(forwarder).download.add(
                    mb / ForwardTransfers.download(forwarder.localPort(TransferPod.BULK_PORT), bytes));
            results.get(forwarder).cpuPerGb.add((forwarder.cpu().toNanos() / 1e9 - cpuBefore) / (mb / 1024.0));
        }
        for (ForwarderProcess forwarder : order) {
            results.get(forwarder).echo.add(mb / ForwardTransfers.echo(forwarder.localPort(TransferPod.ECHO_PORT), bytes));
        }
        Map<ForwarderProcess, List<Double>> times = new java.util.HashMap<>();
        for (int i = 0; i < newConnections; i++) {
            for (ForwarderProcess forwarder : order) {
                times.computeIfAbsent(forwarder, f -> new ArrayList<>())
                        .add(ForwardTransfers.firstByte(forwarder.localPort(TransferPod.BULK_PORT)) * 1000);
            }
        }
        times.forEach((forwarder, ms) -> results.get(forwarder).firstByteMs.add(Timing.of(ms).median()));
    }

    private static void print(Results kubectl, Results podscope) {
        System.out.printf("  %-36s %-22s %-22s %s%n", "", "kubectl port-forward", "podscope",
                "podscope/kubectl, median of the runs' ratios");
        row("download (MB/s)", kubectl.download, podscope.download, "%.0f", "target >= 1.0x");
        row("echo, each way (MB/s)", kubectl.echo, podscope.echo, "%.0f", "target >= 1.0x");
        row("connect to first byte (ms)", kubectl.firstByteMs, podscope.firstByteMs, "%.1f", "lower is better");
        row("forwarder CPU (s per GB downloaded)", kubectl.cpuPerGb, podscope.cpuPerGb, "%.2f", "lower is better");
        System.out.printf("  (connect to first byte: median over new connections in each run; machine load average"
                + " %.1f on %d cores)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** Each run measured both back to back: the ratio of a run is the fair comparison on a shared machine. */
    private static void row(String label, List<Double> kubectl, List<Double> podscope, String format, String note) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(kubectl.size(), podscope.size()); i++) {
            ratios.add(podscope.get(i) / kubectl.get(i));
        }
        System.out.printf("  %-36s %-22s %-22s %s (%s)%n", label, figure(kubectl, format), figure(podscope, format),
                figure(ratios, "%.2fx"), note);
    }

    private static String figure(List<Double> values, String format) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format(format + " (" + format + "-" + format + ")", Timing.of(values).median(), min, max);
    }
}
