package dev.podscope.format;

import java.util.Set;

/**
 * How a pod row should be coloured. Derived only from what the row shows (phase, STATUS, READY), so the UI,
 * the CLI and bundles agree:
 * <ul>
 *   <li>{@link #TERMINATING} and {@link #UNKNOWN} (node lost, or phase Unknown) win over everything;</li>
 *   <li>{@link #FAILED} and {@link #SUCCEEDED} follow the phase;</li>
 *   <li>{@link #WARNING}: a STATUS that names a container problem, with or without the {@code Init:} prefix
 *       (CrashLoopBackOff, ImagePullBackOff, ErrImagePull, CreateContainerConfigError, OOMKilled, Error,
 *       ExitCode:N, Signal:N, ...);</li>
 *   <li>{@link #RUNNING_NOT_READY}: phase Running with fewer ready containers than total, or NotReady/Completed;</li>
 *   <li>otherwise {@link #RUNNING} or {@link #PENDING} (ContainerCreating, Init:0/2, SchedulingGated, ...).</li>
 * </ul>
 */
public enum PodCategory {
    PENDING, RUNNING, RUNNING_NOT_READY, SUCCEEDED, FAILED, WARNING, TERMINATING, UNKNOWN;

    private static final Set<String> PROBLEM_REASONS = Set.of(
            "CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "ErrImageNeverPull", "InvalidImageName",
            "ImageInspectError", "RegistryUnavailable", "CreateContainerConfigError", "CreateContainerError",
            "RunContainerError", "PreStartHookError", "PostStartHookError", "ContainerCannotRun", "StartError",
            "OOMKilled", "Error", "ContainerStatusUnknown", "DeadlineExceeded", "Evicted");

    public static PodCategory classify(String phase, String status, int readyContainers, int totalContainers) {
        if ("Terminating".equals(status)) {
            return TERMINATING;
        }
        if ("Unknown".equals(status) || "Unknown".equals(phase)) {
            return UNKNOWN;
        }
        if ("Failed".equals(phase)) {
            return FAILED;
        }
        if ("Succeeded".equals(phase)) {
            return SUCCEEDED;
        }
        if (isProblem(status)) {
            return WARNING;
        }
        if (!"Running".equals(phase)) {
            return PENDING;
        }
        if (readyContainers < totalContainers || "NotReady".equals(status) || "Completed".equals(status)) {
            return RUNNING_NOT_READY;
        }
        return RUNNING;
    }

    private static boolean isProblem(String status) {
        if (status == null) {
            return false;
        }
        String reason = status.startsWith("Init:") ? status.substring(5) : status;
        return PROBLEM_REASONS.contains(reason) || reason.startsWith("ExitCode:") || reason.startsWith("Signal:");
    }
}
