package dev.podscope.diagnosis;

import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the waiting and terminated states of one container status. */
final class ContainerTrouble {

    static final Set<String> IMAGE_REASONS = Set.of(
            "ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull", "RegistryUnavailable");
    static final Set<String> START_REASONS = Set.of(
            "CreateContainerConfigError", "CreateContainerError", "RunContainerError", "PreStartHookError",
            "PostStartHookError");
    private static final Pattern BACK_OFF = Pattern.compile("back-off (\\S+) restarting");

    private ContainerTrouble() {
    }

    static Optional<V1ContainerStateWaiting> waiting(V1ContainerStatus s) {
        return Optional.ofNullable(s.getState()).map(st -> st.getWaiting());
    }

    static Optional<V1ContainerStateTerminated> terminated(V1ContainerStatus s) {
        return Optional.ofNullable(s.getState()).map(st -> st.getTerminated());
    }

    static Optional<V1ContainerStateTerminated> lastTerminated(V1ContainerStatus s) {
        return Optional.ofNullable(s.getLastState()).map(st -> st.getTerminated());
    }

    static String waitingReason(V1ContainerStatus s) {
        return waiting(s).map(w -> PodFacts.orEmpty(w.getReason())).orElse("");
    }

    static boolean running(V1ContainerStatus s) {
        return s.getState() != null && s.getState().getRunning() != null;
    }

    /** "exit code 1 (Error)", "exit code 137 (OOMKilled)", with the signal when there was one. */
    static String exit(V1ContainerStateTerminated t) {
        StringBuilder sb = new StringBuilder("exit code ").append(t.getExitCode() == null ? 0 : t.getExitCode());
        if (t.getSignal() != null && t.getSignal() > 0) {
            sb.append(", signal ").append(t.getSignal());
        }
        if (t.getReason() != null && !t.getReason().isEmpty()) {
            sb.append(" (").append(t.getReason()).append(')');
        }
        return sb.toString();
    }

    /** The back-off from the kubelet's waiting message "back-off 2m40s restarting failed container=...". */
    static Optional<String> backOff(V1ContainerStatus s) {
        String message = waiting(s).map(w -> PodFacts.orEmpty(w.getMessage())).orElse("");
        Matcher m = BACK_OFF.matcher(message);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static int restarts(V1ContainerStatus s) {
        return s.getRestartCount() == null ? 0 : s.getRestartCount();
    }
}
