package dev.podscope.sandbox.logs;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell loop such as {@code until nc -z db 5432; do echo waiting for db; sleep 2; done}: the text it echoes, as
 * often as it sleeps. A command that echoes nothing prints nothing.
 */
final class ShellStyle implements LogStyle {
    private static final Pattern ECHO = Pattern.compile("echo\\s+([^;&|]+)");
    private static final Pattern SLEEP = Pattern.compile("sleep\\s+(\\d+)");

    @Override
    public double linesPerSecond(ContainerRun run) {
        if (!ECHO.matcher(run.commandLine()).find()) {
            return 0;
        }
        Matcher sleep = SLEEP.matcher(run.commandLine());
        return sleep.find() ? 1.0 / Math.max(1, Integer.parseInt(sleep.group(1))) : 0.5;
    }

    @Override
    public List<String> startup(ContainerRun run, Instant at) {
        return List.of();
    }

    @Override
    public String line(ContainerRun run, SplittableRandom random, Instant at) {
        Matcher echo = ECHO.matcher(run.commandLine());
        return echo.find() ? echo.group(1).trim().replaceAll("^[\"']|[\"']$", "") : "";
    }

    @Override
    public List<String> stop(ContainerRun run, Instant at) {
        return List.of();
    }
}
