package dev.podscope.cli;

import dev.podscope.bundle.BundleManifest;
import dev.podscope.bundle.BundleReader;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.replay.ReplayServer;
import dev.podscope.sandbox.sim.SimulatorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "sandbox", description = {"Run the built-in sandbox cluster in the foreground (Ctrl-C stops it).",
        "With --bundle, serve a diagnostic bundle read-only instead, for kubectl and other clients."})
final class SandboxCommand implements Callable<Integer> {
    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Where to write its kubeconfig (default: ~/.config/podscope/sandbox-kubeconfig.yaml).")
    Path kubeconfig;

    @Option(names = "--pods", paramLabel = "N", description = "Pods to simulate (default: ${DEFAULT-VALUE}).")
    int pods = SimulatorOptions.DEFAULT_PODS;

    @Option(names = "--namespaces", paramLabel = "M", description = "Namespaces to spread them over (default: ${DEFAULT-VALUE}).")
    int namespaces = SimulatorOptions.DEFAULT_NAMESPACES;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for a reproducible cluster (default: ${DEFAULT-VALUE}).")
    long seed = SimulatorOptions.DEFAULT_SEED;

    @Option(names = "--port", paramLabel = "P", description = "Port on 127.0.0.1 (default: a free one).")
    int port;

    @Option(names = "--bundle", paramLabel = "FILE.zip", description = "Serve this Podscope bundle read-only (context bundle-<captured context>) instead of a simulated cluster.")
    Path bundle;

    @Option(names = "--no-metrics", description = "Serve no metrics.k8s.io API, as a cluster without metrics-server.")
    boolean noMetrics;

    @Option(names = "--no-churn", description = "Keep the cluster steady: no Deployment does its periodic rolling restart.")
    boolean noChurn;

    @Override
    public Integer call() throws Exception {
        Path file = kubeconfig != null ? kubeconfig
                : Path.of(System.getProperty("user.home"), ".config", "podscope", "sandbox-kubeconfig.yaml");
        if (bundle != null) {
            return serveBundle(file);
        }
        SimulatorOptions options = new SimulatorOptions().withSeed(seed).withPods(pods).withNamespaces(namespaces)
                .withChurn(!noChurn);
        Sandbox sandbox = Sandbox.start(port, options).metricsApi(!noMetrics);
        sandbox.writeKubeconfig(file);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        System.out.println("Sandbox cluster ready at " + sandbox.server().server() + " with " + pods + " pods in "
                + namespaces + " namespaces; kubeconfig " + file.toAbsolutePath() + " (context podscope-sandbox)."
                + " Press Ctrl-C to stop.");
        System.out.flush();
        stopped.await();
        return 0;
    }

    private int serveBundle(Path file) throws Exception {
        ReplayServer replay = ReplayServer.start(BundleReader.open(bundle), port);
        try {
            replay.writeKubeconfig(file);
        } catch (Exception e) {
            replay.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            replay.close();
            stopped.countDown();
        }, "bundle-shutdown"));
        BundleManifest manifest = replay.manifest();
        System.out.println("Bundle " + bundle.getFileName() + " (context " + manifest.context() + ", captured at "
                + ReplayServer.captured(manifest.createdAt()) + ") served read-only at " + replay.server().server()
                + "; kubeconfig " + file.toAbsolutePath() + " (context " + replay.contextName() + ")."
                + " Press Ctrl-C to stop.");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
