package dev.podscope.cli;

import dev.podscope.sandbox.SandboxKubeconfig;
import dev.podscope.sandbox.SandboxServer;
import dev.podscope.sandbox.SandboxTls;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Time to open a pod with many events in the desktop app (the real main window, headless, in a JVM of its own):
 * from Enter until the Events tab lists them all, and the longest FX-thread stall meanwhile. Figures, not assertions.
 */
@Command(name = "open-pod", description = "Benchmark opening a pod with many events in the detail (headless).")
final class OpenPodBenchCommand implements Callable<Integer> {
    private static final String NAMESPACE = "bench";
    private static final String POD = "eventful-0";
    private static final String[][] REASONS = {
            {"Normal", "Pulled", "Container image \"registry.example.com/bench/app:v1.%d\" already present on machine"},
            {"Normal", "Created", "Created container app-%d"},
            {"Normal", "Started", "Started container app-%d"},
            {"Warning", "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503 (attempt %d)"},
            {"Warning", "BackOff", "Back-off restarting failed container app-%d in pod eventful-0"},
    };

    @Option(names = "--events", paramLabel = "N", description = "Events about the pod (default: ${DEFAULT-VALUE}).")
    int events = 1000;

    @Option(names = "--runs", paramLabel = "R", description = "Times the pod is opened (default: ${DEFAULT-VALUE}).")
    int runs = 5;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("podscope-open-pod-bench");
        ClusterStore store = new ClusterStore(Clock.systemUTC(), Math.max(1000, events * 2), 42);
        store.create(Resources.NAMESPACES, new V1Namespace().metadata(new V1ObjectMeta().name(NAMESPACE)
                .labels(Map.of("kubernetes.io/metadata.name", NAMESPACE))));
        store.create(Resources.NODES, new V1Node().metadata(new V1ObjectMeta().name("node-1")));
        store.create(Resources.PODS, pod());
        V1Pod stored = store.get(Resources.PODS, NAMESPACE, POD).orElseThrow().object();
        for (int i = 0; i < events; i++) {
            store.create(Resources.EVENTS, event(stored, i));
        }
        SandboxServer server = SandboxServer.start(store, SandboxTls.generate(), UUID.randomUUID().toString(), 0);
        try {
            Path kubeconfig = SandboxKubeconfig.write(dir.resolve("kubeconfig"), server, null, NAMESPACE);
            List<String> lines = app(kubeconfig);
            List<String> results = lines.stream().filter(l -> l.startsWith("open-pod ")).toList();
            System.out.printf("Open-pod benchmark: pod %s/%s with %,d events; the main window (headless) opens it %d"
                    + " times with its Events tab shown%n", NAMESPACE, POD, events, runs);
            lines.stream().filter(l -> l.startsWith("open-pod-floor ")).findFirst().ifPresent(floor -> System.out.printf(
                    "  repaint floor (the window repainting, nothing else; headless copies each frame pixel by pixel):"
                    + " median frame %s ms, longest %s ms%n", field(floor, "medianFrameMs"), field(floor, "maxFrameMs")));
            List<Double> open = new ArrayList<>();
            List<Double> stall = new ArrayList<>();
            List<Double> layout = new ArrayList<>();
            for (String line : results) {
                open.add(Double.parseDouble(field(line, "openMs")));
                stall.add(Double.parseDouble(field(line, "maxStallMs")));
                layout.add(Double.parseDouble(field(line, "maxLayoutMs")));
                System.out.printf("  run %d: events tab populated after %7.1f ms (%s events), longest FX stall %6.1f ms"
                        + " (longest CSS+layout pass %5.1f ms) over %s frames%n", open.size(), open.getLast(),
                        field(line, "events"), stall.getLast(), layout.getLast(), field(line, "frames"));
            }
            int from = Math.min(1, open.size() - 1);
            System.out.printf(Locale.ROOT, "  median (runs 2..%d, the first loads classes): open %.1f ms, longest FX stall"
                    + " %.1f ms, longest CSS+layout pass %.1f ms%n", runs, median(open.subList(from, open.size())),
                    median(stall.subList(from, stall.size())), median(layout.subList(from, layout.size())));
            System.out.printf("  (machine load average %.1f on %d cores: stalls include waiting for a core)%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            server.stop();
        }
        return 0;
    }

    private static V1Pod pod() {
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).withNano(0);
        return new V1Pod().metadata(new V1ObjectMeta().namespace(NAMESPACE).name(POD).labels(Map.of("app", "eventful"))
                        .creationTimestamp(started))
                .spec(new V1PodSpec().nodeName("node-1").restartPolicy("Always")
                        .containers(List.of(new V1Container().name("app").image("registry.example.com/bench/app:v1"))))
                .status(new V1PodStatus().phase("Running").podIP("10.244.0.9").startTime(started)
                        .containerStatuses(List.of(new V1ContainerStatus().name("app")
                                .image("registry.example.com/bench/app:v1").imageID("").ready(true).started(true)
                                .restartCount(0).state(new V1ContainerState()
                                        .running(new V1ContainerStateRunning().startedAt(started))))));
    }

    /** Distinct events (distinct messages), a fifth of them warnings, some repeated many times. */
    private static CoreV1Event event(V1Pod pod, int i) {
        String[] kind = REASONS[i % REASONS.length];
        OffsetDateTime first = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(7200 - i * 5L).withNano(0);
        int count = i % 7 == 0 ? 1 + i % 40 : 1;
        return new CoreV1Event()
                .metadata(new V1ObjectMeta().namespace(NAMESPACE).name(POD + "." + Long.toHexString(0x1800000000L + i)))
                .involvedObject(new V1ObjectReference().kind("Pod").apiVersion("v1").namespace(NAMESPACE).name(POD)
                        .uid(pod.getMetadata().getUid()).fieldPath("spec.containers{app}"))
                .type(kind[0]).reason(kind[1]).message(kind[2].formatted(i)).count(count)
                .firstTimestamp(first).lastTimestamp(first.plusSeconds(count - 1L))
                .source(new V1EventSource().component("kubelet").host("node-1"));
    }

    /** Runs the app half in a JVM like the app's, on JavaFX's headless platform; returns its result lines. */
    private List<String> app(Path kubeconfig) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                "-Dglass.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "dev.podscope.app.OpenPodBench",
                kubeconfig.toString(), NAMESPACE, POD, Integer.toString(events), Integer.toString(runs)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> results = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("open-pod ") || line.startsWith("open-pod-floor ")) {
                    results.add(line);
                } else if (line.startsWith("open-pod-failed ")) {
                    System.out.println("  the app failed: " + line.substring("open-pod-failed ".length()));
                }
            }
        }
        int exit = process.waitFor();
        if (results.isEmpty()) {
            throw new IllegalStateException("the open-pod benchmark exited (" + exit + ") without a result");
        }
        return results;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
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
