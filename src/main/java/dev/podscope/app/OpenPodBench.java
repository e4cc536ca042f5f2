package dev.podscope.app;

import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;
import dev.podscope.pods.PodKey;
import dev.podscope.pods.PodRowViewModel;
import dev.podscope.pods.detail.DetailTab;
import dev.podscope.session.ConnectionState;
import dev.podscope.ui.FxTaskExecutor;
import dev.podscope.ui.MainWindow;
import dev.podscope.ui.MainWindowViewModel;
import dev.podscope.ui.SessionFactory;
import dev.podscope.ui.Themes;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The app half of {@code podscope bench open-pod}, in a JVM of its own on JavaFX's headless platform: the real main
 * window on the benchmark's cluster; opens one pod (as Enter does) with its Events tab shown, and measures the time
 * until the tab lists all the pod's events, and the longest gap between two frames meanwhile (the worst FX-thread
 * stall). Closes and opens again for each run; prints one result line per run.
 * <p>
 * Two more figures say where a stall goes: the longest CSS + layout pass of one pulse while opening (the work the
 * detail's views cause), and, measured once before the runs, the longest frame of a window that only repaints (JavaFX's
 * headless platform copies every repainted frame pixel by pixel on the FX thread, which no view can avoid: the floor).
 * <p>
 * Arguments: kubeconfig, namespace, pod, expected events, runs.
 */
public final class OpenPodBench {
    public static final String MARKER = "open-pod";

    private OpenPodBench() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            System.out.println(MARKER + "-failed " + e);
        } finally {
            // the FX thread is not a daemon: without this a failed run would leave the JVM running
            System.exit(0);
        }
    }

    private static void run(String[] args) throws Exception {
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.fromSystem(args[0]));
        PodKey key = new PodKey(args[1], args[2]);
        int expected = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        Platform.startup(() -> {
        });
        FxTaskExecutor tasks = new FxTaskExecutor();
        CompletableFuture<MainWindowViewModel> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Themes.apply(false);
            MainWindowViewModel model = new MainWindowViewModel(set, SessionFactory.forKubeconfig(set), tasks,
                    Clock.systemUTC(), false);
            Stage stage = new Stage();
            stage.setScene(MainWindow.scene(new MainWindow(model), 1000, 900));
            stage.show();
            model.start();
            model.detail().tabProperty().set(DetailTab.EVENTS);
            shown.complete(model);
        });
        MainWindowViewModel model = shown.get();
        for (int i = 0; i < 600 && !loaded(model, key); i++) {
            Thread.sleep(50);
        }
        System.out.println(repaintFloor(model).get(60, TimeUnit.SECONDS));
        for (int run = 0; run < runs; run++) {
            System.out.println(open(model, key, expected).get(60, TimeUnit.SECONDS));
            CompletableFuture<Void> closed = new CompletableFuture<>();
            Platform.runLater(() -> {
                model.closeDetail();
                closed.complete(null);
            });
            closed.get();
            Thread.sleep(300);
        }
        Platform.runLater(model::close);
        tasks.close();
        Platform.exit();
    }

    private static boolean loaded(MainWindowViewModel model, PodKey key) throws Exception {
        CompletableFuture<Boolean> found = new CompletableFuture<>();
        Platform.runLater(() -> found.complete(model.table().connectionProperty().get() == ConnectionState.LIVE
                && model.table().row(key) != null));
        return found.get();
    }

    /** The longest gap between frames while the whole window repaints every frame and nothing else happens. */
    private static CompletableFuture<String> repaintFloor(MainWindowViewModel model) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            javafx.scene.Parent root = Stage.getWindows().getFirst().getScene().getRoot();
            List<Long> gaps = new ArrayList<>();
            long[] last = {System.nanoTime()};
            AnimationTimer frames = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    gaps.add(t - last[0]);
                    last[0] = t;
                    root.setOpacity(gaps.size() % 2 == 0 ? 1.0 : 0.99);
                    if (gaps.size() > 20) {
                        stop();
                        root.setOpacity(1.0);
                        List<Long> sorted = gaps.subList(1, gaps.size()).stream().sorted().toList();
                        result.complete(String.format(Locale.ROOT, "%s-floor medianFrameMs=%.1f maxFrameMs=%.1f",
                                MARKER, sorted.get(sorted.size() / 2) / 1e6, sorted.getLast() / 1e6));
                    }
                }
            };
            frames.start();
        });
        return result;
    }

    /** Opens the pod on the FX thread and completes with the run's figures once its events are all listed. */
    private static CompletableFuture<String> open(MainWindowViewModel model, PodKey key, int expected) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            PodRowViewModel row = model.table().row(key);
            List<Long> gaps = new ArrayList<>();
            long start = System.nanoTime();
            long[] last = {start};
            long[] populated = {-1};
            long[] layoutStart = {0};
            long[] layoutMax = {0};
            javafx.scene.Scene scene = Stage.getWindows().getFirst().getScene();
            Runnable before = () -> layoutStart[0] = System.nanoTime();
            Runnable after = () -> layoutMax[0] = Math.max(layoutMax[0], System.nanoTime() - layoutStart[0]);
            scene.addPreLayoutPulseListener(before);
            scene.addPostLayoutPulseListener(after);
            AnimationTimer frames = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    gaps.add(t - last[0]);
                    last[0] = t;
                    if (populated[0] < 0 && model.detail().events().rows().size() >= expected) {
                        populated[0] = t;
                    }
                    // keep measuring a few frames after the tab is full: the last batch's layout counts too
                    if (populated[0] >= 0 && t - populated[0] > 300_000_000L) {
                        stop();
                        scene.removePreLayoutPulseListener(before);
                        scene.removePostLayoutPulseListener(after);
                        result.complete(String.format(Locale.ROOT,
                                "%s openMs=%.1f maxStallMs=%.1f maxLayoutMs=%.1f frames=%d events=%d",
                                MARKER, (populated[0] - start) / 1e6,
                                gaps.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6, layoutMax[0] / 1e6,
                                gaps.size(), model.detail().events().rows().size()));
                    }
                }
            };
            frames.start();
            model.open(row);
        });
        return result;
    }
}
