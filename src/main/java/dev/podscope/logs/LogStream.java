package dev.podscope.logs;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One raw streaming GET of {@code pods/P/log} over the client's OkHttp, read on a thread of its own. Lines go to a
 * {@link LogSink} in batches: a batch is handed over as soon as no further complete line is already buffered, so a
 * slow log shows each line at once and a flood arrives in large batches. No reconnects: when the stream ends or
 * fails the sink hears it once, with a message for the user when it failed.
 */
public final class LogStream implements AutoCloseable {
    /** Large enough to amortize hand-over costs at 50,000 lines/s, small enough to keep latency low. */
    private static final int MAX_BATCH = 4096;

    private final Call call;
    private final LogRequest request;
    private final int source;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LogStream(Call call, LogRequest request, int source) {
        this.call = call;
        this.request = request;
        this.source = source;
    }

    /** Starts reading {@code request} on a new thread; lines are tagged with {@code source}. */
    public static LogStream open(ApiClient client, LogRequest request, int source, LogSink sink) {
        LogStream stream = new LogStream(newCall(client, request), request, source);
        Thread.ofVirtual().name("podscope-log-" + request.label()).start(() -> stream.run(sink));
        return stream;
    }

    /** Reads a whole log (no follow) on the calling thread. */
    public static List<LogLine> readAll(ApiClient client, LogRequest request, int source) throws LogException {
        if (request.follow()) {
            throw new IllegalArgumentException("readAll cannot follow a log");
        }
        List<LogLine> lines = new ArrayList<>();
        LogStream stream = new LogStream(newCall(client, request), request, source);
        String[] problem = new String[1];
        stream.run(new LogSink() {
            @Override
            public void lines(List<LogLine> batch) {
                lines.addAll(batch);
            }

            @Override
            public void ended(int ignored, String message) {
                problem[0] = message;
            }
        });
        if (problem[0] != null) {
            throw new LogException(problem[0]);
        }
        return lines;
    }

    /**
     * Opens the raw byte stream of {@code request} on the calling thread, for callers that copy bytes as they are
     * (the CLI). The caller closes the response.
     */
    public static Response openRaw(ApiClient client, LogRequest request) throws LogException {
        Call call = newCall(client, request);
        try {
            Response response = call.execute();
            if (!response.isSuccessful()) {
                try (response) {
                    throw new LogException(LogProblems.refused(request, response.code(), body(response)));
                }
            }
            return response;
        } catch (IOException e) {
            throw new LogException(LogProblems.failed(request, e));
        }
    }

    public LogRequest request() {
        return request;
    }

    /** Stops reading; the sink hears {@code ended} without a problem. Idempotent. */
    @Override
    public void close() {
        closed.set(true);
        call.cancel();
    }

    private void run(LogSink sink) {
        String problem = null;
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                problem = LogProblems.refused(request, response.code(), body(response));
            } else {
                read(response.body().source(), sink);
            }
        } catch (IOException | RuntimeException e) {
            problem = closed.get() ? null : LogProblems.failed(request, e);
        }
        sink.ended(source, problem);
    }

    private void read(BufferedSource in, LogSink sink) throws IOException {
        List<LogLine> batch = new ArrayList<>();
        while (!closed.get()) {
            if (!batch.isEmpty() && (batch.size() >= MAX_BATCH || in.getBuffer().indexOf((byte) '\n') < 0)) {
                sink.lines(batch);
                batch = new ArrayList<>();
            }
            long newline = in.indexOf((byte) '\n');
            if (newline < 0) {
                if (in.getBuffer().size() > 0) {
                    // limitBytes may cut the last line short: it is still a line the user asked for
                    batch.add(line(in.readUtf8()));
                }
                break;
            }
            String text = in.readUtf8(newline);
            in.skip(1);
            batch.add(line(text));
        }
        if (!batch.isEmpty()) {
            sink.lines(batch);
        }
    }

    private LogLine line(String raw) {
        if (!request.timestamps()) {
            return new LogLine(source, null, raw);
        }
        int space = raw.indexOf(' ');
        Instant time = space < 0 ? null : LogTimestamps.parse(raw, space);
        if (time == null) {
            return new LogLine(source, null, raw);
        }
        return new LogLine(source, time, raw.substring(space + 1));
    }

    private static Call newCall(ApiClient client, LogRequest r) {
        try {
            Call call = new CoreV1Api(client).readNamespacedPodLog(r.pod(), r.namespace()).container(r.container())
                    .follow(r.follow() ? true : null).previous(r.previous() ? true : null)
                    .timestamps(r.timestamps() ? true : null).tailLines(intOrNull(r.tailLines()))
                    .sinceSeconds(intOrNull(r.sinceSeconds())).limitBytes(intOrNull(r.limitBytes()))
                    .buildCall(null);
            Request built = call.request();
            if (r.sinceTime() == null) {
                return client.getHttpClient().newCall(built);
            }
            HttpUrl url = built.url().newBuilder()
                    .addQueryParameter("sinceTime", r.sinceTime().truncatedTo(ChronoUnit.SECONDS).toString()).build();
            return client.getHttpClient().newCall(built.newBuilder().url(url).build());
        } catch (ApiException e) {
            throw new IllegalStateException("cannot build the log request for " + r.label(), e);
        }
    }

    private static Integer intOrNull(Long value) {
        return value == null ? null : (int) Math.min(Integer.MAX_VALUE, value);
    }

    private static String body(Response response) {
        try (InputStream in = response.body().byteStream()) {
            return new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
