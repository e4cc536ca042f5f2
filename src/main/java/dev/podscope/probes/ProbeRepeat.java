package dev.podscope.probes;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a probe every period (the probe's periodSeconds) a number of times on a virtual thread, keeping the last
 * {@link #HISTORY} results; each result goes to the listener (on that background thread). Cancelable at any time.
 */
public final class ProbeRepeat {
    public static final int HISTORY = 20;

    private final ArrayDeque<ProbeResult> history = new ArrayDeque<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Thread thread;
    private volatile boolean cancelled;
    private volatile RuntimeException error;

    private ProbeRepeat() {
    }

    /** Starts at once with the first run; {@code times} runs in all, {@code period} apart (start to start). */
    public static ProbeRepeat start(Supplier<ProbeResult> probe, Duration period, int times,
                                    Consumer<ProbeResult> listener) {
        if (times < 1) {
            throw new IllegalArgumentException("a probe repeats at least once");
        }
        ProbeRepeat repeat = new ProbeRepeat();
        repeat.thread = Thread.ofVirtual().name("podscope-probe-repeat").start(() -> repeat.loop(probe, period, times, listener));
        return repeat;
    }

    private void loop(Supplier<ProbeResult> probe, Duration period, int times, Consumer<ProbeResult> listener) {
        try {
            long next = System.nanoTime();
            for (int i = 0; i < times && !cancelled; i++) {
                if (i > 0) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                next += period.toNanos();
                ProbeResult result = probe.get();
                if (cancelled) {
                    return;
                }
                synchronized (history) {
                    history.addLast(result);
                    if (history.size() > HISTORY) {
                        history.removeFirst();
                    }
                }
                listener.accept(result);
            }
        } catch (InterruptedException e) {
            // cancelled
        } catch (RuntimeException e) {
            error = e; // the probe could not run at all; the caller decides how to say so
        } finally {
            finished.countDown();
        }
    }

    /** The latest results, oldest first. */
    public List<ProbeResult> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** Stops after the run in progress (whose result is dropped); idempotent. */
    public void cancel() {
        cancelled = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** What the probe threw when it could not run (the repeat stopped there), else null. */
    public RuntimeException error() {
        return error;
    }

    public boolean isDone() {
        return finished.getCount() == 0;
    }

    /** Waits until all runs are done or the repeat was cancelled. */
    public void await() throws InterruptedException {
        finished.await();
    }
}
