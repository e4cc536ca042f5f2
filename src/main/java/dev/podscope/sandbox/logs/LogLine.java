package dev.podscope.sandbox.logs;

import java.time.Instant;

/** One physical line of a container's output and the time the container runtime stamped on it. */
record LogLine(Instant time, String text) {
}
