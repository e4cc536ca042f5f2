package dev.podscope.diagnosis;

import dev.podscope.logs.LogException;
import dev.podscope.logs.LogLine;
import dev.podscope.logs.LogRequest;
import dev.podscope.logs.LogStream;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last lines of the previous instance of a pod's crashed container: what a diagnosis quotes for a crash loop.
 * Remembers the last read per pod, container and restart, so a pod that changes without restarting again (the
 * detail's Why banner sees every update) is not read twice. Best effort: a log that cannot be read gives no lines.
 * Blocking: call it off the FX thread.
 */
public final class PreviousLogTail {

    /** Lines of the previous log to fetch; the diagnosis quotes the last few. */
    static final long TAIL_LINES = 20;

    private String readKey;
    private List<String> read = List.of();

    /** The tail, or an empty list when no container crashed or its log cannot be read. */
    public synchronized List<String> read(ApiClient client, V1Pod pod) {
        Optional<V1ContainerStatus> crashed = crashedContainer(pod);
        if (client == null || crashed.isEmpty()) {
            return List.of();
        }
        V1ContainerStatus status = crashed.get();
        String key = pod.getMetadata().getUid() + "/" + status.getName() + "/" + status.getRestartCount();
        if (!key.equals(readKey)) {
            read = fetch(client, pod, status.getName());
            readKey = key;
        }
        return read;
    }

    private static List<String> fetch(ApiClient client, V1Pod pod, String container) {
        LogRequest request = LogRequest.of(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), container)
                .withPrevious(true).withTailLines(TAIL_LINES);
        try {
            List<String> lines = new ArrayList<>();
            for (LogLine line : LogStream.readAll(client, request, 0)) {
                lines.add(line.text());
            }
            return List.copyOf(lines);
        } catch (LogException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * The container whose previous log tells why it failed: the one the diagnosis blames, i.e. the first in
     * CrashLoopBackOff, else the first that is not ready after a failed run; init containers first while the pod
     * is initializing.
     */
    static Optional<V1ContainerStatus> crashedContainer(V1Pod pod) {
        List<V1ContainerStatus> all = new ArrayList<>();
        if (PodFacts.conditionTrue(pod, "Initialized")) {
            all.addAll(PodFacts.containerStatuses(pod));
            all.addAll(PodFacts.initContainerStatuses(pod));
        } else {
            all.addAll(PodFacts.initContainerStatuses(pod));
            all.addAll(PodFacts.containerStatuses(pod));
        }
        Optional<V1ContainerStatus> backingOff = all.stream()
                .filter(s -> "CrashLoopBackOff".equals(ContainerTrouble.waitingReason(s))).findFirst();
        return backingOff.or(() -> all.stream()
                .filter(s -> !Boolean.TRUE.equals(s.getReady()))
                .filter(s -> ContainerTrouble.lastTerminated(s)
                        .filter(t -> t.getExitCode() != null && t.getExitCode() != 0).isPresent())
                .findFirst());
    }
}
