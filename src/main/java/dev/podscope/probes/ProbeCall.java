package dev.podscope.probes;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One probe run under its timeoutSeconds, as the kubelet bounds it: the check runs on a virtual thread; when the
 * time is up, what it opened is closed (which unblocks it) and the result is a failure in the kubelet's words.
 * The port-forward a probe goes through is opened before the clock starts: the kubelet dials the pod directly, so
 * the API server round trips of a forward must not count against timeoutSeconds nor into the latency.
 */
final class ProbeCall {
    /** What the check found: success, HTTP status (0 if none), first bytes of output, the kubelet's message. */
    record Outcome(boolean success, int httpStatus, String output, String message) {
    }

    interface Check {
        Outcome run(ProbeCall call) throws Exception;
    }

    private final List<Closeable> opened = new CopyOnWriteArrayList<>();

    /** Remembers something to close when the call ends or times out. */
    <T extends Closeable> T hold(T resource) {
        opened.add(resource);
        return resource;
    }

    static ProbeResult run(Duration timeout, String action, String timeoutMessage, Check check) {
        ProbeCall call = new ProbeCall();
        Instant when = Instant.now();
        long start = System.nanoTime();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Thread.ofVirtual().name("podscope-probe").start(() -> {
            try {
                outcome.complete(check.run(call));
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            }
        });
        Outcome found;
        try {
            found = outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            found = new Outcome(false, 0, "", timeoutMessage);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            found = new Outcome(false, 0, "", cause.getMessage() == null ? cause.toString() : cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            found = new Outcome(false, 0, "", "interrupted");
        } finally {
            call.closeAll();
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        return new ProbeResult(found.success(), latency, found.httpStatus(), found.output(), found.message(), when,
                action);
    }

    private void closeAll() {
        for (Closeable c : opened) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** A probe that could not even be set up (the forward or exec did not open): a failure with no latency. */
    static ProbeResult failed(String action, String message) {
        return new ProbeResult(false, Duration.ZERO, 0, "", message, Instant.now(), action);
    }

    /** At most {@link ProbeResult#OUTPUT_LIMIT} characters. */
    static String firstBytes(String text) {
        return text.length() <= ProbeResult.OUTPUT_LIMIT ? text : text.substring(0, ProbeResult.OUTPUT_LIMIT);
    }
}
