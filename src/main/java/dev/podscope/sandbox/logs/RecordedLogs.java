package dev.podscope.sandbox.logs;

import io.kubernetes.client.openapi.models.V1Pod;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs recorded at capture time (a bundle's {@code logs/<ns>/<pod>/<container>[.previous].log}), served as the
 * kubelet would have served them then. The container is chosen and refused exactly as for a live pod; the run is
 * over, so following ends with the file. Lines that start with the kubelet's RFC 3339 timestamp (a capture made with
 * {@code timestamps=true}) honour {@code timestamps} and {@code sinceSeconds}/{@code sinceTime}; lines without one
 * are always sent without.
 */
public final class RecordedLogs implements LogSource {
    private static final Pattern STAMP = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:\\d\\d)) (.*)$",
            Pattern.DOTALL);

    /** Opens a recorded log file, or empty when the bundle has none for that container run. */
    @FunctionalInterface
    public interface LogFiles {
        Optional<InputStream> open(String namespace, String pod, String container, boolean previous)
                throws IOException;
    }

    private final LogFiles files;
    private final Instant capturedAt;

    /** {@code capturedAt} is "now" for {@code sinceSeconds}. */
    public RecordedLogs(LogFiles files, Instant capturedAt) {
        this.files = files;
        this.capturedAt = capturedAt;
    }

    @Override
    public LogReply open(V1Pod pod, LogQuery query) {
        Optional<ContainerRun> run = ContainerRuns.select(pod, query);
        if (run.isEmpty()) {
            return out -> { };
        }
        String container = run.get().name();
        InputStream file;
        try {
            file = files.open(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), container,
                    query.previous()).orElse(null);
        } catch (IOException e) {
            throw LogRefusal.badRequest("the recorded log of container \"" + container + "\" in pod \""
                    + pod.getMetadata().getName() + "\" cannot be read: " + e.getMessage());
        }
        if (file == null) {
            throw LogRefusal.badRequest("the " + (query.previous() ? "previous " : "") + "log of container \""
                    + container + "\" in pod \"" + pod.getMetadata().getName() + "\" was not captured in this bundle");
        }
        return out -> write(file, query, out);
    }

    /**
     * Streams the file; only a {@code tailLines} query holds lines back (that many). Whether the file is stamped is
     * decided by its first line.
     */
    private void write(InputStream file, LogQuery query, OutputStream out) throws IOException {
        Instant since = query.since(capturedAt);
        Long tail = query.tailLines();
        Deque<LogLine> kept = new ArrayDeque<>();
        LogWriter writer = null;
        boolean stamped = false;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8))) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                LogLine line = parse(text);
                if (writer == null) {
                    stamped = line != null;
                    writer = new LogWriter(out, query.timestamps() && stamped, query.limitBytes());
                }
                if (!stamped || line == null) {
                    line = new LogLine(capturedAt, text);
                } else if (since != null && line.time().isBefore(since)) {
                    continue;
                }
                if (tail == null) {
                    if (!writer.write(line)) {
                        break;
                    }
                } else if (tail > 0) {
                    kept.addLast(line);
                    if (kept.size() > tail) {
                        kept.removeFirst();
                    }
                }
            }
        }
        for (LogLine line : kept) {
            if (!writer.write(line)) {
                break;
            }
        }
        if (writer != null) {
            writer.flush();
        }
    }

    /** The line's kubelet timestamp and text, or null when it does not start with one. */
    private static LogLine parse(String text) {
        Matcher m = STAMP.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return new LogLine(OffsetDateTime.parse(m.group(1)).toInstant(), m.group(2));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void closeAll() {
        // nothing is followed: a recorded run is over
    }
}
