package dev.podscope.bundle;

import dev.podscope.logs.LogException;
import dev.podscope.logs.LogRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Logs read by a few threads at once (a log read waits mostly on the server) and written to the zip one after the
 * other in the order they were asked for. At most {@value #WINDOW} logs are in flight, so memory stays bounded.
 */
final class LogQueue implements AutoCloseable {
    private static final int READERS = 4;
    private static final int WINDOW = 8;

    private final ExportRun run;
    private final ExecutorService readers = Executors.newFixedThreadPool(READERS,
            Thread.ofPlatform().daemon().name("podscope-bundle-log-", 0).factory());
    private final Deque<Pending> window = new ArrayDeque<>();

    LogQueue(ExportRun run) {
        this.run = run;
    }

    void submit(LogRequest request, String path) throws IOException {
        window.add(new Pending(path, readers.submit(() -> run.logs().read(request, path))));
        while (window.size() >= WINDOW) {
            writeOldest();
        }
    }

    /** Writes every log still in flight. */
    void drain() throws IOException {
        while (!window.isEmpty()) {
            writeOldest();
        }
    }

    private void writeOldest() throws IOException {
        Pending pending = window.removeFirst();
        try (LogCapture.Captured captured = pending.future().get()) {
            captured.writeTo(run.zip());
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case LogException unreadable -> run.missing(pending.path(), unreadable.getMessage());
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                default -> throw new UncheckedIOException(new IOException(e.getCause()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleCancelledException();
        }
    }

    /** Stops the readers; logs read but not written are discarded with their spool files. */
    @Override
    public void close() {
        readers.shutdownNow();
        try {
            readers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending pending : window) {
            if (pending.future().state() == Future.State.SUCCESS) {
                try {
                    pending.future().resultNow().close();
                } catch (IOException ignored) {
                    // a spool file that cannot be deleted: nothing more to do about it here
                }
            }
        }
        window.clear();
    }

    private record Pending(String path, Future<LogCapture.Captured> future) {
    }
}
