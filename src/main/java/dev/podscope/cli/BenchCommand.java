package dev.podscope.cli;

import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.Resources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Measures Podscope against kubectl on one sandbox in one run: `get pods -A` wall time for both, the desktop app's
 * launch-to-full-table time (headless) and its heap and RSS once loaded. Figures, not assertions.
 */
@Command(name = "bench", description = "Benchmark podscope against kubectl on a large sandbox (prints figures and ratios).",
        subcommands = {LogBenchCommand.class, OpenPodBenchCommand.class, PortForwardBenchCommand.class,
                BundleBenchCommand.class})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--pods", paramLabel = "N", description = "Pods in the sandbox (default: ${DEFAULT-VALUE}).")
    int pods = 10_000;

    @Option(names = "--namespaces", paramLabel = "M", description = "Namespaces (default: ${DEFAULT-VALUE}).")
    int namespaces = 20;

    @Option(names = "--runs", paramLabel = "R", description = "Timed runs of each command after one warm-up (default: ${DEFAULT-VALUE}).")
    int runs = 5;

    @Option(names = "--kubectl", paramLabel = "PATH", description = "kubectl to compare with (default: ${DEFAULT-VALUE}).")
    String kubectl = "/usr/bin/kubectl";

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("podscope-bench");
        try (Sandbox sandbox = Sandbox.start(0, new SimulatorOptions().withPods(pods).withNamespaces(namespaces).withChurn(false))) {
            Path kubeconfig = sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
            int podCount = sandbox.store().list(Resources.PODS, null).items().size();
            BenchProcess bench = new BenchProcess(dir);
            System.out.printf("Podscope benchmark: sandbox with %d pods in %d namespaces, %d runs each after a warm-up"
                    + " (median, min-max)%n", podCount, namespaces, runs);

            List<String> kubectlCmd = List.of(kubectl, "--kubeconfig", kubeconfig.toString(), "get", "pods", "-A");
            List<String> podscopeCmd = bench.podscope(List.of("get", "pods", "-A", "--kubeconfig", kubeconfig.toString()));
            String kubectlOut = bench.output(kubectlCmd);
            String podscopeOut = bench.output(podscopeCmd);
            Timing kubectlTime = bench.time(kubectlCmd, runs);
            Timing podscopeTime = bench.time(podscopeCmd, runs);
            Timing appTime = Timing.of(new ArrayList<>());
            List<AppLoad> loads = new ArrayList<>();
            List<String> appCmd = bench.podscope(List.of("--kubeconfig", kubeconfig.toString(), "--exit-when-loaded"));
            bench.appLoad(appCmd);
            for (int i = 0; i < runs; i++) {
                AppLoad load = bench.appLoad(appCmd);
                loads.add(load);
                appTime = appTime.plus(load.seconds());
            }
            AppLoad last = loads.getLast();

            System.out.printf("  kubectl get pods -A             %s%n", kubectlTime);
            System.out.printf("  podscope get pods -A            %s   %.2fx kubectl (target <= 1.5x)%n",
                    podscopeTime, podscopeTime.median() / kubectlTime.median());
            System.out.printf("  app: launch to full table       %s   %.2fx kubectl (target <= 1.0x), %d rows%n",
                    appTime, appTime.median() / kubectlTime.median(), last.rows());
            System.out.printf("  app after load                  heap %d MB used, RSS %d MB (target RSS <= 350 MB)%n",
                    last.heapMb(), last.rssMb());
            System.out.printf("  rows that differ                %d of %d (ages masked; the simulated pods keep changing"
                    + " between the two runs — exact output is tested on a frozen cluster)%n",
                    differingRows(kubectlOut, podscopeOut), kubectlOut.lines().count() - 1);
        }
        return 0;
    }

    /** Ages ("5m49s", "(8s ago)") tick between the two runs, and column widths with them; the rest should match. */
    private static long differingRows(String a, String b) {
        List<String> left = withoutDurations(a).lines().toList();
        List<String> right = withoutDurations(b).lines().toList();
        long differing = Math.abs(left.size() - right.size());
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            if (!left.get(i).equals(right.get(i))) {
                differing++;
            }
        }
        return differing;
    }

    private static String withoutDurations(String table) {
        return table.replaceAll("\\b\\d+[smhdy](\\d+[smhd])?\\b", "T").replaceAll("[ \\t]+", " ");
    }
}
