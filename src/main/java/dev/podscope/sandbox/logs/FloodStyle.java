package dev.podscope.sandbox.logs;

import io.kubernetes.client.openapi.models.V1EnvVar;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A chatty worker with a colourizing logger, for load tests of log viewers: by default 50,000 lines a second (the
 * container's {@code LOG_RATE} env var sets another rate), levels and logger names in ANSI colours, and now and then
 * a very long line (a dumped payload). Run it with image {@code registry.example.com/bench/log-flood}.
 */
final class FloodStyle implements LogStyle {
    static final String IMAGE_NAME = "log-flood";
    static final double DEFAULT_RATE = 50_000;
    private static final String RESET = "\u001b[0m";
    private static final String[] LEVELS = {"\u001b[32mINFO \u001b[0m", "\u001b[32mINFO \u001b[0m",
            "\u001b[32mINFO \u001b[0m", "\u001b[32mINFO \u001b[0m", "\u001b[32mINFO \u001b[0m",
            "\u001b[34mDEBUG\u001b[0m", "\u001b[34mDEBUG\u001b[0m", "\u001b[33mWARN \u001b[0m",
            "\u001b[1;31mERROR\u001b[0m"};
    private static final List<String> LOGGERS = List.of("c.e.flood.Consumer", "c.e.flood.Router", "c.e.flood.Store",
            "c.e.flood.Metrics");
    private static final int LONG_EVERY = 2000;
    private static final int LONG_LENGTH = 12_000;

    @Override
    public double linesPerSecond(ContainerRun run) {
        List<V1EnvVar> env = run.spec().getEnv() == null ? List.of() : run.spec().getEnv();
        return env.stream().filter(e -> "LOG_RATE".equals(e.getName()) && e.getValue() != null).findFirst()
                .map(e -> Double.parseDouble(e.getValue())).orElse(DEFAULT_RATE);
    }

    @Override
    public List<String> startup(ContainerRun run, Instant at) {
        return List.of(line(at, LEVELS[0], LOGGERS.getFirst(), "starting " + run.name() + " " + run.version()),
                line(at, LEVELS[0], LOGGERS.getFirst(), "rate " + (long) linesPerSecond(run) + " lines/s"));
    }

    @Override
    public String line(ContainerRun run, SplittableRandom random, Instant at) {
        long event = random.nextLong(1_000_000_000L);
        if (random.nextInt(LONG_EVERY) == 0) {
            StringBuilder payload = new StringBuilder(LONG_LENGTH + 64).append("payload dump id=").append(event)
                    .append(" body=");
            while (payload.length() < LONG_LENGTH) {
                payload.append("{\"k\":").append(random.nextInt(1000)).append(",\"v\":\"")
                        .append(Long.toHexString(random.nextLong())).append("\"}");
            }
            return line(at, LEVELS[7], LOGGERS.get(2), payload.toString());
        }
        String level = LEVELS[random.nextInt(LEVELS.length)];
        String logger = LOGGERS.get(random.nextInt(LOGGERS.size()));
        return line(at, level, logger, "processed event id=" + event + " partition=" + random.nextInt(32)
                + " offset=" + random.nextLong(1L << 40) + " latency_ms=" + random.nextInt(1, 40));
    }

    @Override
    public List<String> stop(ContainerRun run, Instant at) {
        return List.of(line(at, LEVELS[0], LOGGERS.getFirst(), "stopped"));
    }

    /** {@code 12:04:05.123 INFO  [c.e.flood.Router] message}, with the time dim and the logger in cyan. */
    private static String line(Instant at, String level, String logger, String message) {
        long ms = Math.floorMod(at.toEpochMilli(), 86_400_000L);
        StringBuilder out = new StringBuilder(120 + message.length()).append("\u001b[2m");
        two(out, ms / 3_600_000).append(':');
        two(out, ms / 60_000 % 60).append(':');
        two(out, ms / 1000 % 60).append('.');
        long millis = ms % 1000;
        out.append(millis < 100 ? "0" : "").append(millis < 10 ? "0" : "").append(millis).append(RESET).append(' ')
                .append(level).append(" [\u001b[36m").append(logger).append(RESET).append("] ").append(message);
        return out.toString();
    }

    private static StringBuilder two(StringBuilder out, long value) {
        return out.append(value < 10 ? "0" : "").append(value);
    }
}
