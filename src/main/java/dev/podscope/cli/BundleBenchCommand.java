package dev.podscope.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Bundle export of a whole sandbox, logs included, at two cluster sizes: wall time, the exporter's own time and
 * its peak heap, measured by `podscope bundle export` in a process of its own (outside the app image with a small
 * fixed -Xmx, so that a run that needed memory in proportion to the cluster would fail rather than just grow).
 * Figures, not assertions.
 */
@Command(name = "bundle", description = "Benchmark `bundle export -A` with logs on sandboxes of two sizes (time, peak heap).")
final class BundleBenchCommand implements Callable<Integer> {
    @Option(names = "--pods", paramLabel = "N", description = "Pods in the first sandbox (default: ${DEFAULT-VALUE}).")
    int pods = 1000;

    @Option(names = "--second-size", paramLabel = "N", description = "Pods in the second sandbox, 0 for none (default: ${DEFAULT-VALUE}).")
    int secondSize = 3000;

    @Option(names = "--xmx", paramLabel = "SIZE", description = "Heap limit of the exporting process when not run from the app image (default: ${DEFAULT-VALUE}).")
    String xmx = "128m";

    @Option(names = "--since", paramLabel = "DURATION",
            description = "Log window of the export (default: ${DEFAULT-VALUE}; \"all\" for whole logs, up to 10,000"
                    + " lines per container in the sandbox).")
    String since = "5m";

    @Override
    public Integer call() throws Exception {
        String exporter = System.getProperty("jpackage.app-path") != null
                ? "the app image's launcher with its own JVM options" : "java -cp with -Xmx" + xmx;
        System.out.printf("Bundle export benchmark: `podscope bundle export -A --logs all%s`; exporter: %s, a fresh"
                        + " process, timed after one unmeasured warm-up export; sandbox: a JVM of its own (default JIT);"
                        + " load average before: %.1f on %d cores%n", "all".equals(since) ? "" : " --since " + since,
                exporter, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        run(pods, "target <= 10 s at 1,000 pods");
        if (secondSize > 0) {
            run(secondSize, "peak heap after GC should match the first size's");
        }
        return 0;
    }

    private void run(int size, String target) throws Exception {
        Path dir = Files.createTempDirectory("podscope-bundle-bench");
        BenchProcess bench = new BenchProcess(dir);
        Path kubeconfig = dir.resolve("kubeconfig");
        // the sandbox stands in for a remote API server: a JVM of its own with the default JIT, steady pods
        Process sandbox = bench.startUntil(bench.plainJvm(List.of("sandbox", "--pods", Integer.toString(size),
                "--namespaces", "20", "--no-churn", "--kubeconfig", kubeconfig.toString())), "Sandbox cluster ready");
        try {
            List<String> args = new ArrayList<>(List.of("bundle", "export", "-A", "--kubeconfig", kubeconfig.toString(),
                    "-o", dir.resolve("bundle.zip").toString(), "--stats"));
            if (!"all".equals(since)) {
                args.addAll(List.of("--since", since));
            }
            // one unmeasured export first warms up the sandbox, which shares this machine's cores, so that its JIT
            // compilation does not count against the exporter (which starts cold every time, as a user's does)
            bench.output(bench.podscope(List.of("-Xmx" + xmx), args));
            long start = System.nanoTime();
            String out = bench.output(bench.podscope(List.of("-Xmx" + xmx), args));
            double wall = (System.nanoTime() - start) / 1e9;
            String stats = out.lines().filter(l -> l.startsWith("bundle-stats")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no stats from the export: " + out));
            System.out.printf("  %5d pods  wall %.2f s (JVM start included)  %s  (%s)%n", size, wall,
                    stats.substring("bundle-stats ".length()), target);
            System.out.printf("         load average after: %.1f%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            sandbox.destroy();
            sandbox.waitFor();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
