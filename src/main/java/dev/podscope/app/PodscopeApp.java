package dev.podscope.app;

import dev.podscope.ui.FxTaskExecutor;
import dev.podscope.ui.MainWindow;
import dev.podscope.ui.MainWindowViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.Objects;

/** The JavaFX application. Start it with {@link #launch(AppSetup)} from a class that is not an Application. */
public final class PodscopeApp extends Application {
    /** Application.launch can only pass strings to the instance it creates, so the setup travels here. */
    private static volatile AppSetup setup;

    private FxTaskExecutor tasks;
    private MainWindowViewModel model;

    /** Shows the main window and returns when it is closed. */
    public static void launch(AppSetup appSetup) {
        setup = Objects.requireNonNull(appSetup);
        Application.launch(PodscopeApp.class);
    }

    @Override
    public void start(Stage stage) {
        tasks = new FxTaskExecutor();
        model = new MainWindowViewModel(setup.kubeconfig(), setup.sessions(), tasks, Clock.systemUTC(), setup.sandbox(),
                setup.bundles());
        model.forwards().setBrowser(url -> getHostServices().showDocument(url));
        MainWindow window = new MainWindow(model);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(MainWindow.scene(window, Math.min(1400, screen.getWidth() * 0.9),
                Math.min(900, screen.getHeight() * 0.9)));
        stage.titleProperty().bind(model.title());
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(Objects.requireNonNull(
                    PodscopeApp.class.getResourceAsStream("/dev/podscope/icons/podscope-" + size + ".png"))));
        }
        stage.show();
        model.table().firstLoad().thenAccept(rows -> afterNextLayout(stage.getScene(), () -> setup.onLoaded().accept(rows)));
        model.start(setup.context());
        window.table().requestFocus();
    }

    /** Rows applied to the table are on screen after the next layout pulse. */
    private static void afterNextLayout(Scene scene, Runnable action) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                action.run();
            }
        };
        scene.addPostLayoutPulseListener(once);
        Platform.requestNextPulse();
    }

    @Override
    public void stop() throws Exception {
        model.close();
        tasks.close();
        setup.onExit().close();
    }
}
