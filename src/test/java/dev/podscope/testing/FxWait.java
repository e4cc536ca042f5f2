package dev.podscope.testing;

import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Reading and waiting on the FX thread in TestFX tests; the limit only stops a broken test from hanging. */
public final class FxWait {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private FxWait() {
    }

    /** Runs {@code read} on the FX thread and returns its result. */
    public static <T> T fx(Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds; then lets pending FX events run. */
    public static void await(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
        } catch (TimeoutException e) {
            throw new AssertionError("condition not reached", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the label, button or other labeled control {@code query} finds, read on the FX thread. */
    public static String text(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }
}
