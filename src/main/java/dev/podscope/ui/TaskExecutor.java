package dev.podscope.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Where view-models send work: slow work off the FX thread, results back onto it. Production code uses
 * {@link FxTaskExecutor}; tests use an implementation that runs everything at once on the calling thread,
 * which makes view-model tests deterministic.
 */
public interface TaskExecutor {

    /** Runs {@code work} in the background, then exactly one of the callbacks on the UI thread. */
    <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** The UI thread, for things that arrive from elsewhere (watch batches, completed futures). */
    Executor ui();

    /** Delivers the outcome of an already running operation on the UI thread. */
    default <T> void whenDone(CompletionStage<T> stage, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        stage.whenComplete((value, error) -> ui().execute(() -> {
            if (error != null) {
                onFailure.accept(unwrap(error));
            } else {
                onSuccess.accept(value);
            }
        }));
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
