package dev.podscope.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;

/** Repeats a view's refresh (ages ticking, counters read) only while the view is in a scene. */
public final class WhileShown {
    private WhileShown() {
    }

    /** Runs {@code action} every {@code period} while {@code node} is in a scene. */
    public static void repeat(Node node, Duration period, Runnable action) {
        repeat(node, period, action, false);
    }

    /** As {@link #repeat(Node, Duration, Runnable)}, and also at once each time the node is shown. */
    public static void repeatFromShown(Node node, Duration period, Runnable action) {
        repeat(node, period, action, true);
    }

    private static void repeat(Node node, Duration period, Runnable action, boolean atShow) {
        Timeline timeline = new Timeline(new KeyFrame(period, event -> action.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        node.sceneProperty().subscribe(scene -> {
            if (scene == null) {
                timeline.stop();
            } else {
                if (atShow) {
                    action.run();
                }
                timeline.play();
            }
        });
    }
}
