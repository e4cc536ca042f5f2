package dev.podscope.sandbox.logs;

import dev.podscope.sandbox.Canaries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The structured JSON log of an application service (requests, cache and event lines) or of a batch program
 * (numbered batches). A batch under memory pressure warns about its heap before the OOM killer strikes.
 */
final class JsonLogStyle implements LogStyle {
    private static final long MIB = 1024 * 1024;
    private static final List<String> METHODS = List.of("GET", "GET", "GET", "GET", "POST", "POST", "PUT", "DELETE");
    private static final List<Integer> STATUSES = List.of(200, 200, 200, 200, 200, 200, 200, 201, 204, 400, 404, 409);
    private static final List<String> UPSTREAMS = List.of("postgres.data.svc.cluster.local:5432",
            "redis.data.svc.cluster.local:6379", "payments.shop.svc.cluster.local:8080");

    @Override
    public double linesPerSecond(ContainerRun run) {
        return run.batch() ? 0.8 : 1.5;
    }

    @Override
    public List<String> startup(ContainerRun run, Instant at) {
        String listen = ":" + run.httpPort();
        if (run.batch()) {
            return List.of(
                    JsonLine.of(at, "INFO", "starting " + run.name(), "version", run.version()),
                    JsonLine.of(at, "INFO", "parsed arguments", "args", run.commandLine()),
                    JsonLine.of(at, "INFO", "connected to object storage", "endpoint", "s3.example.com"));
        }
        List<String> lines = new ArrayList<>(List.of(
                JsonLine.of(at, "INFO", "starting " + run.name(), "version", run.version()),
                JsonLine.of(at, "INFO", "loaded configuration", "source", "/etc/" + run.name() + "/config.yaml")));
        if (debug(run)) {
            // a careless service at debug level: credentials among ordinary lines (bundle redaction tests)
            for (String[] f : Canaries.debugLogFields()) {
                lines.add(JsonLine.of(at, f[0], f[1], f[2], f[3]));
            }
            lines.addAll(Canaries.privateKeyLines());
        }
        lines.addAll(List.of(
                JsonLine.of(at, "INFO", "connected to database", "host", UPSTREAMS.getFirst()),
                JsonLine.of(at, "INFO", "metrics server listening", "addr", ":9090"),
                JsonLine.of(at, "INFO", "http server listening", "addr", listen)));
        return lines;
    }

    /** One of the leaky debug lines; JSON loggers write a multi-line key as one line with escaped newlines. */
    private static String debugLine(SplittableRandom random, Instant at) {
        List<String[]> fields = Canaries.debugLogFields();
        int pick = random.nextInt(fields.size() + 1);
        if (pick == fields.size()) {
            return JsonLine.of(at, "DEBUG", "loaded TLS key", "pem", String.join("\n", Canaries.privateKeyLines()));
        }
        String[] f = fields.get(pick);
        return JsonLine.of(at, f[0], f[1], f[2], f[3]);
    }

    private static boolean debug(ContainerRun run) {
        return run.spec().getEnv() != null && run.spec().getEnv().stream()
                .anyMatch(e -> "LOG_LEVEL".equals(e.getName()) && "debug".equals(e.getValue()));
    }

    @Override
    public String line(ContainerRun run, SplittableRandom random, Instant at) {
        if (run.batch()) {
            long batch = Duration.between(run.started(), at).toMillis() / 1250 + 1;
            return JsonLine.of(at, "INFO", "processed batch", "batch", batch, "rows", 500,
                    "elapsed_ms", random.nextInt(180, 1400));
        }
        if (debug(run) && random.nextInt(40) == 0) {
            return debugLine(random, at);
        }
        int kind = random.nextInt(100);
        if (kind < 72) {
            String method = METHODS.get(random.nextInt(METHODS.size()));
            int status = random.nextInt(60) == 0 ? 500 : STATUSES.get(random.nextInt(STATUSES.size()));
            return JsonLine.of(at, status >= 500 ? "ERROR" : "INFO", "request completed", "method", method,
                    "path", "/v1/" + run.name() + "/" + random.nextInt(1000, 99_999), "status", status,
                    "duration_ms", 2 + (int) (random.nextDouble() * random.nextDouble() * 180),
                    "trace_id", HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong()));
        }
        if (kind < 82) {
            return JsonLine.of(at, "INFO", "cache refreshed", "entries", random.nextInt(200, 5000));
        }
        if (kind < 90) {
            return JsonLine.of(at, "INFO", "published event", "topic", run.name() + ".updated",
                    "partition", random.nextInt(12));
        }
        if (kind < 97) {
            return JsonLine.of(at, "WARN", "slow request", "path", "/v1/" + run.name() + "/search",
                    "duration_ms", random.nextInt(800, 3000));
        }
        return JsonLine.of(at, "ERROR", "upstream request failed",
                "upstream", UPSTREAMS.get(random.nextInt(UPSTREAMS.size())), "error", "context deadline exceeded");
    }

    @Override
    public List<String> stop(ContainerRun run, Instant at) {
        if (run.batch()) {
            Duration took = Duration.between(run.started(), run.finished() == null ? at : run.finished());
            return List.of(JsonLine.of(at, "INFO", "job finished", "batches", took.toMillis() / 1250 + 1,
                    "duration", took.toMinutes() + "m" + took.toSecondsPart() + "s"));
        }
        return List.of(
                JsonLine.of(at, "INFO", "received signal, shutting down", "signal", "terminated"),
                JsonLine.of(at, "INFO", "http server stopped"),
                JsonLine.of(at, "INFO", "shutdown complete"));
    }

    @Override
    public List<String> outOfMemory(ContainerRun run, Instant at) {
        long limitMib = run.memoryLimitBytes() > 0 ? run.memoryLimitBytes() / MIB : 512;
        return List.of(
                JsonLine.of(at, "WARN", "memory usage high", "used_mb", limitMib * 88 / 100, "limit_mb", limitMib),
                JsonLine.of(at, "WARN", "memory usage high", "used_mb", limitMib * 95 / 100, "limit_mb", limitMib),
                JsonLine.of(at, "INFO", "allocating read buffer", "size_mb", Math.max(16, limitMib / 8)),
                JsonLine.of(at, "WARN", "GC overhead limit approaching", "gc_pause_ms", 812,
                        "used_mb", limitMib * 99 / 100));
    }
}
