package dev.podscope.logs;

import java.time.Instant;

/**
 * One line of a container log, without its line break.
 *
 * @param source which stream it came from (an index into the sources of a merged view; 0 for a single stream)
 * @param time   the kubelet's timestamp when it was asked for, else null
 * @param text   the full text as the container wrote it (ANSI codes included), even when very long
 */
public record LogLine(int source, Instant time, String text) {
}
