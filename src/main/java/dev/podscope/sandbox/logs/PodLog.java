package dev.podscope.sandbox.logs;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The answer to one accepted log request: the selected stretch of a container run's log and, when following, the
 * lines that run writes from then on until it stops, the client goes away or the server closes.
 */
public final class PodLog implements LogReply {
    /** How often a follower looks at the clock and at its container's status. */
    private static final Duration FOLLOW_POLL = Duration.ofMillis(200);

    private final ClusterStore store;
    private final CountDownLatch closed;
    private final LogQuery query;
    private final ContainerLog log;
    private final Instant from;
    private final Instant to;
    private final Instant since;

    /**
     * {@code [from, to)} is the selected stretch, fixed when the request was accepted (its tail was counted up to
     * {@code to}); {@code since}, when not null, is the query's lower bound.
     */
    PodLog(ClusterStore store, CountDownLatch closed, LogQuery query, ContainerLog log, Instant from, Instant to,
           Instant since) {
        this.store = store;
        this.closed = closed;
        this.query = query;
        this.log = log;
        this.from = from;
        this.to = to;
        this.since = since;
    }

    /** Whether the reply streams, so that every line must reach the client as soon as it is written. */
    public boolean follows() {
        return query.follow() && log != null && log.run().running();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        if (log == null) {
            return;
        }
        LogWriter writer = new LogWriter(out, query.timestamps(), query.limitBytes());
        boolean more = write(writer, log.lines(from, to));
        writer.flush();
        if (!more || !follows()) {
            return;
        }
        follow(writer, from.isAfter(to) ? from : to);
    }

    private void follow(LogWriter writer, Instant start) throws IOException {
        ContainerRun run = log.run();
        Instant cursor = start;
        while (!awaitClose()) {
            Instant now = store.clock().instant();
            Optional<ContainerRun> current = store.get(Resources.PODS, run.namespace(), run.podName())
                    .map(StoredObject::object).flatMap(pod -> ContainerRuns.current(pod, run));
            if (current.isEmpty()) {
                return;
            }
            if (!current.get().running()) {
                finish(writer, new ContainerLog(current.get()), cursor);
                return;
            }
            if (now.isAfter(cursor)) {
                boolean more = write(writer, log.lines(cursor, now));
                // one flush per poll: every line written so far reaches the client now, in as few packets as possible
                writer.flush();
                if (!more) {
                    return;
                }
                cursor = now;
            }
        }
    }

    /**
     * Writes the rest of a run that has just ended, its last words included even when the follower is already past
     * them: the status's finishedAt is truncated to seconds, the follower's clock is not.
     */
    private void finish(LogWriter writer, ContainerLog ended, Instant cursor) throws IOException {
        Instant lastWords = ended.lastWordsStart();
        Instant start = cursor.isBefore(lastWords) ? cursor : lastWords;
        write(writer, ended.lines(since != null && start.isBefore(since) ? since : start, ended.end(cursor)));
        writer.flush();
    }

    private static boolean write(LogWriter writer, Iterator<LogLine> lines) throws IOException {
        while (lines.hasNext()) {
            if (!writer.write(lines.next())) {
                return false;
            }
        }
        return true;
    }

    /** Waits one poll interval; true when the server is closing. */
    private boolean awaitClose() throws IOException {
        try {
            return closed.await(FOLLOW_POLL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("log stream interrupted", e);
        }
    }
}
