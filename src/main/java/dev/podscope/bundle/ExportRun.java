package dev.podscope.bundle;

import dev.podscope.bundle.redact.Redactor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    ExportRun(BundleScope scope, ApiReads api, BundleZip zip, Redactor redactor, LogCapture logs,
              BundleProgress progress, BooleanSupplier cancelled, Instant now) {
        this.scope = scope;
        this.api = api;
        this.zip = zip;
        this.redactor = redactor;
        this.logs = logs;
        this.progress = progress;
        this.cancelled = cancelled;
        this.now = now;
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
