package dev.podscope.app;

import dev.podscope.kube.ClientFactory;
import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;
import dev.podscope.logs.LogView;
import dev.podscope.logs.LogViewModel;
import dev.podscope.ui.FxTaskExecutor;
import dev.podscope.ui.Themes;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The log viewer half of {@code podscope bench logs}, run in a JVM of its own on JavaFX's headless platform: opens
 * the real LogView on a pod that floods its log, follows it, and prints how many lines per second reached the
 * viewer and the longest gap between two frames (the worst stall of the FX thread) over the measured window.
 * <p>
 * Arguments: kubeconfig, namespace, pod, warm-up seconds, measured seconds.
 */
public final class LogViewerBench {
    public static final String MARKER = "log-viewer";

    private LogViewerBench() {
    }

    public static void main(String[] args) throws Exception {
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.fromSystem(args[0]));
        ApiClient client = ClientFactory.create(set, set.currentContext().orElseThrow());
        V1Pod pod = new CoreV1Api(client).readNamespacedPod(args[2], args[1]).execute();
        long warmUp = (long) (Double.parseDouble(args[3]) * 1e9);
        long measured = (long) (Double.parseDouble(args[4]) * 1e9);

        Platform.startup(() -> {
        });
        FxTaskExecutor tasks = new FxTaskExecutor();
        AtomicLong maxGap = new AtomicLong();
        AtomicLong frames = new AtomicLong();
        CompletableFuture<String> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            Themes.apply(false);
            LogViewModel model = new LogViewModel(client, tasks);
            model.tailLinesProperty().set(0L);
            Stage stage = new Stage();
            Scene scene = new Scene(new LogView(model), 1000, 700);
            Themes.addStylesheet(scene);
            stage.setScene(scene);
            stage.show();
            model.show(pod);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            new AnimationTimer() {
                private long start = -1;
                private long last;
                private long startLines = -1;
                private long measureStart;
                private long cpuStart;

                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    if (start < 0) {
                        // the warm-up starts with the first line, not with a JVM that may still be loading classes
                        start = model.lines().appended() > 0 ? t : -1;
                        return;
                    }
                    if (t - start >= warmUp && startLines < 0) {
                        startLines = model.lines().appended();
                        measureStart = t;
                        cpuStart = threads.getCurrentThreadCpuTime();
                        last = t;
                        return;
                    }
                    if (startLines >= 0) {
                        frames.incrementAndGet();
                        maxGap.accumulateAndGet(t - last, Math::max);
                        if (t - measureStart >= measured) {
                            stop();
                            double seconds = (t - measureStart) / 1e9;
                            long lines = model.lines().appended() - startLines;
                            double busy = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e7 / seconds;
                            result.complete(String.format(Locale.ROOT, "%s lines=%d seconds=%.2f rate=%.0f maxStallMs=%.1f"
                                    + " frames=%d fxBusyPercent=%.0f kept=%d", MARKER, lines, seconds, lines / seconds,
                                    maxGap.get() / 1e6, frames.get(), busy, model.lines().lines().size()));
                            model.close();
                        }
                    }
                    last = t;
                }
            }.start();
        });
        System.out.println(result.get());
        tasks.close();
        Platform.exit();
        System.exit(0);
    }
}
