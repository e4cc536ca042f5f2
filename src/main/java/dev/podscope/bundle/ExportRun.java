package dev.podscope.bundle;

import dev.podscope.bundle.redact.Redactor;
import dev.podscope.pods.PodKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** The state of one export in progress, shared by the collectors: where to write, what to skip, what went missing. */
final class ExportRun {
    private final BundleScope scope;
    private final ApiReads api;
    private final BundleZip zip;
    private final Redactor redactor;
    private final LogCapture logs;
    private final Summary summary = new Summary();
    private final List<MissingEntry> missing = new ArrayList<>();
    private final BundleProgress progress;
    private final BooleanSupplier cancelled;
    private final Instant now;
    private final Set<PodKey> watched;
    private final Set<PodKey> watchedCollected = new HashSet<>();

    ExportRun(BundleScope scope, ApiReads api, BundleZip zip, Redactor redactor, LogCapture logs,
              BundleProgress progress, BooleanSupplier cancelled, Instant now, Set<PodKey> watched) {
        this.scope = scope;
        this.api = api;
        this.zip = zip;
        this.redactor = redactor;
        this.logs = logs;
        this.progress = progress;
        this.cancelled = cancelled;
        this.now = now;
        this.watched = Set.copyOf(watched);
    }

    /** Notes that pod {@code namespace/name} went into the bundle; only the {@code watched} ones are remembered. */
    void podCollected(String namespace, String name) {
        PodKey key = new PodKey(namespace, name);
        if (watched.contains(key)) {
            watchedCollected.add(key);
        }
    }

    /** Whether a watched pod (one with probe results) went into the bundle. */
    boolean collected(PodKey pod) {
        return watchedCollected.contains(pod);
    }

    /** The capture time: ages and diagnoses are as of this instant. */
    Instant now() {
        return now;
    }

    BundleScope scope() {
        return scope;
    }

    ApiReads api() {
        return api;
    }

    BundleZip zip() {
        return zip;
    }

    Redactor redactor() {
        return redactor;
    }

    LogCapture logs() {
        return logs;
    }

    Summary summary() {
        return summary;
    }

    void missing(String path, String reason) {
        missing.add(new MissingEntry(path, reason));
    }

    List<MissingEntry> missing() {
        return List.copyOf(missing);
    }

    void progress(String step, double fraction) {
        progress.report(step, Math.min(1, Math.max(0, fraction)));
    }

    void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new BundleCancelledException();
        }
    }
}
