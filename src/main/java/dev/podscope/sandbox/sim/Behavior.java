package dev.podscope.sandbox.sim;

import io.kubernetes.client.openapi.models.V1Pod;

import java.util.Locale;
import java.util.Map;

/**
 * What the main (first) container of a pod does once the kubelet starts it. Read from the pod annotation
 * {@value #ANNOTATION}, so that a pod template carries it to every replacement pod and a user can create such pods
 * with kubectl (for example {@code kubectl run x --image=busybox --annotations=sandbox.podscope.dev/behavior=crash-loop}).
 */
public enum Behavior {
    /** Starts, passes its readiness probe and keeps running. */
    RUNS("runs", 0, null, 0),
    /** Keeps running but its readiness probe answers 500. */
    NOT_READY("not-ready", 0, null, 0),
    /** Exits with code 1 a few seconds after each start. */
    CRASH_LOOP("crash-loop", 1, "Error", 4),
    /** Finishes its work and exits with code 0. */
    COMPLETES("completes", 0, "Completed", 15),
    /** Is killed by the kernel's OOM killer (exit code 137). */
    OOM_KILLED("oom-killed", 137, "OOMKilled", 6),
    /** Its image cannot be pulled: the registry answers not found. */
    IMAGE_PULL_FAILS("image-pull-fails", 0, null, 0),
    /**
     * Becomes ready, then hangs: its liveness probe fails until the kubelet kills it (exit code 137) and restarts it,
     * with the crash back-off between restarts.
     */
    LIVENESS_FAILS("liveness-fails", 137, "Error", 25),
    /** Its first init container exits with code 1 a moment after each start, so the pod never initializes. */
    INIT_FAILS("init-fails", 1, "Error", 2),
    /** Its first init container never finishes (waiting for a dependency), so the pod stays in Init. */
    INIT_HANGS("init-hangs", 0, null, 0);

    public static final String ANNOTATION = "sandbox.podscope.dev/behavior";

    private final String value;
    private final int exitCode;
    private final String exitReason;
    private final double runSeconds;

    Behavior(String value, int exitCode, String exitReason, double runSeconds) {
        this.value = value;
        this.exitCode = exitCode;
        this.exitReason = exitReason;
        this.runSeconds = runSeconds;
    }

    public String value() {
        return value;
    }

    public static Behavior of(V1Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(ANNOTATION);
        if (value == null) {
            return RUNS;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (Behavior b : values()) {
            if (b.value.equals(wanted)) {
                return b;
            }
        }
        return RUNS;
    }

    int exitCode() {
        return exitCode;
    }

    String exitReason() {
        return exitReason;
    }

    double runSeconds() {
        return runSeconds;
    }
}
