package dev.podscope.bundle.open;

import dev.podscope.bundle.BundleManifest;
import dev.podscope.kube.KubeContext;
import dev.podscope.sandbox.replay.ReplayServer;

import java.nio.file.Path;

/**
 * A bundle open in the app: the kubeconfig context that reaches its in-process replay server, what it captured, and
 * from which file.
 */
public record OpenedBundle(KubeContext context, BundleManifest manifest, Path file) {

    /** "2026-11-25 12:00:00 UTC". */
    public String capturedAt() {
        return ReplayServer.captured(manifest.createdAt());
    }

    /** One line for the banner: read-only, from which context, when, what, which file. */
    public String describe() {
        return "Read-only bundle of context " + manifest.context() + ", captured " + capturedAt() + " ("
                + manifest.scope().describe() + ") — " + file.getFileName();
    }
}
