package dev.podscope.ui;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Background work on named daemon threads; callbacks through {@link Platform#runLater}. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().daemon().name("podscope-ui-task-", 0).factory());

    @Override
    public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        background.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | LinkageError e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public Executor ui() {
        return Platform::runLater;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
