package dev.podscope.logs;

import java.time.Instant;

/**
 * One {@code pods/log} request: which container of which pod, and the query parameters kubectl logs sends.
 *
 * @param tailLines    null for the whole log
 * @param sinceSeconds null for no lower time bound (at most one of sinceSeconds and sinceTime is used)
 * @param sinceTime    null for no lower time bound; sent with second precision, as the API expects
 * @param limitBytes   null for no byte limit
 */
public record LogRequest(String namespace, String pod, String container, boolean follow, boolean previous,
                         boolean timestamps, Long tailLines, Long sinceSeconds, Instant sinceTime, Long limitBytes) {

    /** The whole current log of {@code container}, without following and without timestamps. */
    public static LogRequest of(String namespace, String pod, String container) {
        return new LogRequest(namespace, pod, container, false, false, false, null, null, null, null);
    }

    public LogRequest withFollow(boolean value) {
        return new LogRequest(namespace, pod, container, value, previous, timestamps, tailLines, sinceSeconds,
                sinceTime, limitBytes);
    }

    public LogRequest withPrevious(boolean value) {
        return new LogRequest(namespace, pod, container, follow, value, timestamps, tailLines, sinceSeconds,
                sinceTime, limitBytes);
    }

    public LogRequest withTimestamps(boolean value) {
        return new LogRequest(namespace, pod, container, follow, previous, value, tailLines, sinceSeconds,
                sinceTime, limitBytes);
    }

    public LogRequest withTailLines(Long value) {
        return new LogRequest(namespace, pod, container, follow, previous, timestamps, value, sinceSeconds,
                sinceTime, limitBytes);
    }

    public LogRequest withSinceSeconds(Long value) {
        return new LogRequest(namespace, pod, container, follow, previous, timestamps, tailLines, value, null,
                limitBytes);
    }

    public LogRequest withSinceTime(Instant value) {
        return new LogRequest(namespace, pod, container, follow, previous, timestamps, tailLines, null, value,
                limitBytes);
    }

    public LogRequest withLimitBytes(Long value) {
        return new LogRequest(namespace, pod, container, follow, previous, timestamps, tailLines, sinceSeconds,
                sinceTime, value);
    }

    /** {@code pod/container}, the way kubectl's --prefix names a stream. */
    public String label() {
        return pod + "/" + container;
    }
}
