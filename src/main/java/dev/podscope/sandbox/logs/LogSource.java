package dev.podscope.sandbox.logs;

import io.kubernetes.client.openapi.models.V1Pod;

/**
 * Where the {@code pods/log} subresource reads from: the simulated containers of a live sandbox ({@link PodLogs}) or
 * the log files of a bundle ({@link RecordedLogs}). Both refuse a request as the API server and kubelet would.
 */
public interface LogSource {
    /**
     * Checks a request for the log of {@code pod} and selects what it reads; nothing is written yet, so a refusal can
     * still be answered with a Status.
     *
     * @throws LogRefusal when the API server or the kubelet would refuse the request
     */
    LogReply open(V1Pod pod, LogQuery query);

    /** Ends every log that is being followed, as a stopping server must. */
    void closeAll();
}
