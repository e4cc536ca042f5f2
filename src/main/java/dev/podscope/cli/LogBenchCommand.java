package dev.podscope.cli;

import dev.podscope.sandbox.SandboxKubeconfig;
import dev.podscope.sandbox.SandboxServer;
import dev.podscope.sandbox.SandboxTls;
import dev.podscope.sandbox.logs.LogFlood;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Log throughput on one pod that floods its log: lines per second that reach the log viewer (the real LogView,
 * headless, in a JVM of its own) and its longest FX-thread stall, next to what {@code kubectl logs -f} and
 * {@code podscope logs -f} consume of the same stream. Figures, not assertions.
 */
@Command(name = "logs", description = "Benchmark log following: the viewer (headless) against kubectl logs -f.")
final class LogBenchCommand implements java.util.concurrent.Callable<Integer> {
    private static final String NAMESPACE = "bench";
    private static final String POD = "log-flood";

    @Option(names = "--rate", paramLabel = "N", description = "Lines per second the pod writes (default: ${DEFAULT-VALUE}).")
    int rate = 50_000;

    @Option(names = "--seconds", paramLabel = "S", description = "Measured seconds, after a warm-up (default: ${DEFAULT-VALUE}).")
    double seconds = 10;

    @Option(names = "--warm-up", paramLabel = "S", description = "Seconds before measuring (default: ${DEFAULT-VALUE}).")
    double warmUp = 3;

    @Option(names = "--kubectl", paramLabel = "PATH", description = "kubectl to compare with (default: ${DEFAULT-VALUE}).")
    String kubectl = "/usr/bin/kubectl";

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("podscope-log-bench");
        ClusterStore store = new ClusterStore(Clock.systemUTC(), 1000, 42);
        store.create(Resources.NAMESPACES, new V1Namespace().metadata(new V1ObjectMeta().name(NAMESPACE)
                .labels(Map.of("kubernetes.io/metadata.name", NAMESPACE))));
        store.create(Resources.NODES, new V1Node().metadata(new V1ObjectMeta().name("node-1")));
        store.create(Resources.PODS, LogFlood.pod(NAMESPACE, POD, "node-1", rate,
                OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5).withNano(0)));
        SandboxServer server = SandboxServer.start(store, SandboxTls.generate(), UUID.randomUUID().toString(), 0);
        try {
            Path kubeconfig = SandboxKubeconfig.write(dir.resolve("kubeconfig"), server, null, NAMESPACE);
            BenchProcess bench = new BenchProcess(dir);
            System.out.printf("Log benchmark: pod %s/%s writes %,d lines/s (ANSI colours, a 12,000-character line"
                    + " every 2,000); %.0f s warm-up, %.0f s measured%n", NAMESPACE, POD, rate, warmUp, seconds);
            double kubectlRate = followRate(List.of(kubectl, "--kubeconfig", kubeconfig.toString(), "logs", "-f",
                    POD, "--tail=0"), bench, dir);
            double cliRate = followRate(bench.podscope(List.of("logs", "-f", POD, "--tail=0", "--kubeconfig",
                    kubeconfig.toString())), bench, dir);
            String viewer = viewer(kubeconfig, dir);
            double viewerRate = Double.parseDouble(field(viewer, "rate"));
            System.out.printf("  kubectl logs -f > /dev/null       %,10.0f lines/s%n", kubectlRate);
            System.out.printf("  podscope logs -f > /dev/null      %,10.0f lines/s   %.2fx kubectl%n", cliRate,
                    cliRate / kubectlRate);
            System.out.printf("  log viewer (LogView, headless)    %,10.0f lines/s   %.2fx kubectl; longest FX stall"
                    + " %s ms over %s frames; FX thread busy %s%% of the time; %s lines kept (buffer 100,000)%n",
                    viewerRate, viewerRate / kubectlRate, field(viewer, "maxStallMs"), field(viewer, "frames"),
                    field(viewer, "fxBusyPercent"), field(viewer, "kept"));
            System.out.printf("  (machine load average %.1f on %d cores: stalls include waiting for a core)%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            server.stop();
        }
        return 0;
    }

    /** Lines per second a follower prints, counted after the warm-up, its output thrown away. */
    private double followRate(List<String> command, BenchProcess bench, Path home)
            throws IOException, InterruptedException {
        Path errors = home.resolve("follower-stderr.txt");
        // BenchProcess's environment: without the app-image launcher's mark, a child launcher would take "logs" for
        // a main class
        Process process = bench.builder(command, ProcessBuilder.Redirect.to(errors.toFile())).start();
        AtomicLong lines = new AtomicLong();
        Thread reader = Thread.ofPlatform().daemon().start(() -> count(process.getInputStream(), lines));
        // the warm-up starts with the first line: a JVM may take seconds to start on a busy machine
        for (int i = 0; i < 1200 && lines.get() == 0 && process.isAlive(); i++) {
            Thread.sleep(50);
        }
        Thread.sleep((long) (warmUp * 1000));
        long start = System.nanoTime();
        long before = lines.get();
        Thread.sleep((long) (seconds * 1000));
        long counted = lines.get() - before;
        double elapsed = (System.nanoTime() - start) / 1e9;
        process.destroy();
        process.waitFor();
        reader.join(5000);
        if (counted == 0) {
            String stderr = Files.readString(errors).strip();
            System.out.printf("  (no lines from %s%s)%n", command.getFirst(), stderr.isEmpty() ? "" : ": " + stderr);
        }
        return counted / elapsed;
    }

    private static void count(InputStream in, AtomicLong lines) {
        byte[] buffer = new byte[256 * 1024];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                long newlines = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        newlines++;
                    }
                }
                lines.addAndGet(newlines);
            }
        } catch (IOException e) {
            // the process was stopped
        }
    }

    /** Runs the viewer half in a JVM like the app's, on JavaFX's headless platform; returns its result line. */
    private String viewer(Path kubeconfig, Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                "-Dglass.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "dev.podscope.app.LogViewerBench",
                kubeconfig.toString(), NAMESPACE, POD, Double.toString(warmUp), Double.toString(seconds)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("log-viewer ")) {
                    process.waitFor();
                    return line;
                }
            }
        }
        throw new IllegalStateException("the log viewer benchmark exited (" + process.waitFor() + ") without a result: "
                + String.join(" ", command.subList(0, 8)));
    }

    private static String field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new IllegalStateException("no " + name + " in " + line);
    }
}
