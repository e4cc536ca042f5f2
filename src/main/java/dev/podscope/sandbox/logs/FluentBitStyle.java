package dev.podscope.sandbox.logs;

import io.kubernetes.client.openapi.models.V1VolumeMount;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** A Fluent Bit log shipper tailing the files its pod's app writes and forwarding them, with the odd retry. */
final class FluentBitStyle implements LogStyle {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("'['yyyy/MM/dd HH:mm:ss']'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Override
    public double linesPerSecond(ContainerRun run) {
        return 0.1;
    }

    @Override
    public List<String> startup(ContainerRun run, Instant at) {
        String time = TIME.format(at);
        String version = run.version().replaceFirst("^v", "");
        return List.of("Fluent Bit v" + version,
                "* Copyright (C) 2015-2024 The Fluent Bit Authors",
                "* Fluent Bit is a CNCF sub-project under the umbrella of Fluentd",
                "* https://fluentbit.io",
                "",
                time + " [ info] [fluent bit] version=" + version + ", commit=b6e8b7d7a4, pid=1",
                time + " [ info] [storage] ver=1.5.2, type=memory, sync=normal, checksum=off, max_chunks_up=128",
                time + " [ info] [input:tail:tail.0] initializing",
                time + " [ info] [output:forward:forward.0] worker #0 started",
                time + " [ info] [sp] stream processor started",
                time + " [ info] [input:tail:tail.0] inotify_fs_add(): inode=1048577 watch_fd=1 name="
                        + logDirectory(run) + "/access.log");
    }

    @Override
    public String line(ContainerRun run, SplittableRandom random, Instant at) {
        String time = TIME.format(at);
        String chunk = "1-" + at.getEpochSecond() + "." + random.nextInt(100_000_000, 999_999_999) + ".flb";
        int retry = random.nextInt(2, 12);
        return switch (random.nextInt(4)) {
            case 0 -> time + " [ warn] [engine] failed to flush chunk '" + chunk + "', retry in " + retry
                    + " seconds: task_id=0, input=tail.0 > output=forward.0 (out_id=0)";
            case 1 -> time + " [ info] [engine] flush chunk '" + chunk + "' succeeded at retry 1: task_id=0,"
                    + " input=tail.0 > output=forward.0 (out_id=0)";
            case 2 -> time + " [ info] [input:tail:tail.0] inotify_fs_remove(): inode=" + (1_048_577 + retry)
                    + " watch_fd=" + retry;
            default -> time + " [ info] [input:tail:tail.0] inotify_fs_add(): inode=" + (1_048_578 + retry)
                    + " watch_fd=" + (retry + 1) + " name=" + logDirectory(run) + "/access.log";
        };
    }

    @Override
    public List<String> stop(ContainerRun run, Instant at) {
        String time = TIME.format(at);
        return List.of(time + " [engine] caught signal (SIGTERM)",
                time + " [ info] [input] pausing tail.0",
                time + " [ warn] [engine] service will shutdown in max 5 seconds",
                time + " [ info] [engine] service has stopped (0 pending tasks)");
    }

    private static String logDirectory(ContainerRun run) {
        List<V1VolumeMount> mounts = run.spec().getVolumeMounts();
        return mounts == null || mounts.isEmpty() ? "/var/log/containers" : mounts.getFirst().getMountPath();
    }
}
