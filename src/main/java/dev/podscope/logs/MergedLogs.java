package dev.podscope.logs;

import io.kubernetes.client.openapi.ApiClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Several logs as one, ordered by their kubelet timestamps: all containers of a pod, or all pods of a workload.
 * <p>
 * Two phases, because a follow stream gives no sign of where its history ends: first each log's history (tail and
 * since as asked) is read whole and the histories are merged by time; then, when following, each log is followed
 * from its last line on ({@code sinceTime}, which has second precision, plus skipping what was already seen).
 * After that, lines are passed on as they come; the viewer orders what arrives within one frame.
 */
public final class MergedLogs implements AutoCloseable {
    private static final int CHUNK = 4096;
    private static final Comparator<LogLine> BY_TIME = Comparator.comparing(LogLine::time,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final List<LogStream> followers = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private MergedLogs() {
    }

    /**
     * Starts reading {@code requests} (source i is request i; all must ask for timestamps) on background threads.
     */
    public static MergedLogs open(ApiClient client, List<LogRequest> requests, LogSink sink) {
        if (requests.stream().anyMatch(r -> !r.timestamps())) {
            throw new IllegalArgumentException("merging orders lines by time: every request must ask for timestamps");
        }
        MergedLogs merged = new MergedLogs();
        Thread.ofVirtual().name("podscope-log-merge").start(() -> merged.run(client, requests, sink));
        return merged;
    }

    @Override
    public void close() {
        closed = true;
        followers.forEach(LogStream::close);
    }

    private void run(ApiClient client, List<LogRequest> requests, LogSink sink) {
        List<CompletableFuture<History>> reads = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            int source = i;
            LogRequest history = requests.get(i).withFollow(false);
            CompletableFuture<History> read = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> read.complete(History.read(client, history, source)));
            reads.add(read);
        }
        List<History> histories = reads.stream().map(CompletableFuture::join).toList();
        List<LogLine> all = new ArrayList<>();
        histories.forEach(h -> all.addAll(h.lines()));
        all.sort(BY_TIME);
        for (int from = 0; from < all.size() && !closed; from += CHUNK) {
            sink.lines(new ArrayList<>(all.subList(from, Math.min(all.size(), from + CHUNK))));
        }
        for (History history : histories) {
            LogRequest request = requests.get(history.source());
            if (closed || history.problem() != null || !request.follow()) {
                sink.ended(history.source(), closed ? null : history.problem());
                continue;
            }
            Instant last = history.lastTime();
            LogRequest rest = last == null ? request.withTailLines(null) : request.withTailLines(null).withSinceTime(last);
            followers.add(LogStream.open(client, rest, history.source(), new After(last, sink)));
            if (closed) {
                followers.forEach(LogStream::close);
            }
        }
    }

    private record History(int source, List<LogLine> lines, String problem) {
        static History read(ApiClient client, LogRequest request, int source) {
            try {
                return new History(source, LogStream.readAll(client, request, source), null);
            } catch (LogException e) {
                return new History(source, List.of(), e.getMessage());
            } catch (RuntimeException e) {
                return new History(source, List.of(), "Cannot read the log of " + request.label() + ": " + e.getMessage());
            }
        }

        Instant lastTime() {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).time() != null) {
                    return lines.get(i).time();
                }
            }
            return null;
        }
    }

    /** Passes on the lines after {@code last}: sinceTime is whole seconds, so the start of the follow repeats some. */
    private static final class After implements LogSink {
        private final LogSink sink;
        private Instant last;

        After(Instant last, LogSink sink) {
            this.last = last;
            this.sink = sink;
        }

        @Override
        public void lines(List<LogLine> batch) {
            if (last == null) {
                sink.lines(batch);
                return;
            }
            int from = 0;
            while (from < batch.size() && batch.get(from).time() != null && !batch.get(from).time().isAfter(last)) {
                from++;
            }
            if (from < batch.size()) {
                last = null;
                sink.lines(from == 0 ? batch : new ArrayList<>(batch.subList(from, batch.size())));
            }
        }

        @Override
        public void ended(int source, String problem) {
            sink.ended(source, problem);
        }
    }
}
