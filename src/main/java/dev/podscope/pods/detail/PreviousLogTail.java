package dev.podscope.pods.detail;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The last lines of the previous instance of a pod's failing container: what the Why banner quotes for a crash loop.
 * Remembers the last read, so a pod that changes without restarting again is not read twice. Blocking reads;
 * call them off the UI thread.
 */
final class PreviousLogTail {
    static final int LINES = 20;

    private String readKey;
    private List<String> read = List.of();

    /** The container that restarted after failing: init containers first, as they block the rest. */
    static Optional<V1ContainerStatus> failing(V1Pod pod) {
        if (pod.getStatus() == null) {
            return Optional.empty();
        }
        List<V1ContainerStatus> all = new ArrayList<>();
        all.addAll(Objects.requireNonNullElse(pod.getStatus().getInitContainerStatuses(), List.of()));
        all.addAll(Objects.requireNonNullElse(pod.getStatus().getContainerStatuses(), List.of()));
        return all.stream().filter(s -> s.getRestartCount() != null && s.getRestartCount() > 0
                && s.getLastState() != null && s.getLastState().getTerminated() != null
                && !Integer.valueOf(0).equals(s.getLastState().getTerminated().getExitCode())).findFirst();
    }

    /** The tail, or an empty list when no container failed or the log cannot be read (the banner does without). */
    synchronized List<String> read(ApiClient client, V1Pod pod) {
        Optional<V1ContainerStatus> failing = failing(pod);
        if (client == null || failing.isEmpty()) {
            return List.of();
        }
        V1ContainerStatus status = failing.get();
        String key = pod.getMetadata().getUid() + "/" + status.getName() + "/" + status.getRestartCount();
        if (key.equals(readKey)) {
            return read;
        }
        try {
            String text = new CoreV1Api(client).readNamespacedPodLog(pod.getMetadata().getName(),
                    pod.getMetadata().getNamespace()).container(status.getName()).previous(true)
                    .tailLines(LINES).execute();
            read = text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
        } catch (ApiException e) {
            read = List.of();
        }
        readKey = key;
        return read;
    }
}
