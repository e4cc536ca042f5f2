package dev.podscope.sandbox.logs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** redis-server: its start-up banner lines, then the background saves it makes every few minutes. */
final class RedisStyle implements LogStyle {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** The steps of one background save; lines follow them in turn, so they read as a sequence. */
    private static final List<String> SAVE = List.of("1:M %s * 100 changes in 300 seconds. Saving...",
            "1:M %s * Background saving started by pid %d", "%d:C %s * DB saved on disk",
            "%d:C %s * Fork CoW for RDB: current 1 MB, peak 1 MB, average 0 MB",
            "1:M %s * Background saving terminated with success");

    @Override
    public double linesPerSecond(ContainerRun run) {
        return 0.05;
    }

    @Override
    public List<String> startup(ContainerRun run, Instant at) {
        String time = TIME.format(at);
        String version = run.version().split("-")[0];
        return List.of("1:C " + time + " * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
                "1:C " + time + " * Redis version=" + version + ", bits=64, commit=00000000, modified=0, pid=1,"
                        + " just started",
                "1:C " + time + " # Warning: no config file specified, using the default config. In order to specify"
                        + " a config file use redis-server /path/to/redis.conf",
                "1:M " + time + " * monotonic clock: POSIX clock_gettime",
                "1:M " + time + " * Running mode=standalone, port=6379.",
                "1:M " + time + " * Server initialized",
                "1:M " + time + " * Ready to accept connections tcp");
    }

    @Override
    public String line(ContainerRun run, SplittableRandom random, Instant at) {
        long step = Duration.between(run.started(), at).toSeconds() / 20;
        long childPid = 20 + step / SAVE.size();
        String template = SAVE.get((int) (step % SAVE.size()));
        return template.replace("%s", TIME.format(at)).replace("%d", Long.toString(childPid));
    }

    @Override
    public List<String> stop(ContainerRun run, Instant at) {
        String time = TIME.format(at);
        return List.of("1:signal-handler (" + at.getEpochSecond() + ") Received SIGTERM scheduling shutdown...",
                "1:M " + time + " * User requested shutdown...",
                "1:M " + time + " * Saving the final RDB snapshot before exiting.",
                "1:M " + time + " * DB saved on disk",
                "1:M " + time + " # Redis is now ready to exit, bye bye...");
    }
}
