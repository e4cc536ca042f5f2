package dev.podscope.sandbox.logs;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** How one kind of program writes its log: its start-up lines, its everyday lines and its last words. */
interface LogStyle {
    /** Everyday lines per second, on average. */
    double linesPerSecond(ContainerRun run);

    List<String> startup(ContainerRun run, Instant at);

    /** How many of the start-up lines a program prints before a failure at start-up ends it. */
    default int startupLinesBeforeFailure() {
        return 2;
    }

    String line(ContainerRun run, SplittableRandom random, Instant at);

    /** What the program prints when it stops cleanly: on SIGTERM for a server, when its work is done for a batch. */
    List<String> stop(ContainerRun run, Instant at);

    /** What the program prints before it exits with {@code exitCode} on its own. */
    default List<String> crash(ContainerRun run, int exitCode, Instant at) {
        return StackTraces.forExit(run, exitCode);
    }

    /** What the program prints before the kernel's OOM killer ends it; most print nothing. */
    default List<String> outOfMemory(ContainerRun run, Instant at) {
        return List.of();
    }
}
