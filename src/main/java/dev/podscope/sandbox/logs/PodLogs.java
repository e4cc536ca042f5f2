package dev.podscope.sandbox.logs;

import dev.podscope.sandbox.store.ClusterStore;
import io.kubernetes.client.openapi.models.V1Pod;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code pods/log} subresource over a cluster store: simulated, deterministic container logs that real kubectl
 * and client-java read like a kubelet's, with the API server's and the kubelet's refusals.
 */
public final class PodLogs implements LogSource {
    private final ClusterStore store;
    private final CountDownLatch closed = new CountDownLatch(1);

    public PodLogs(ClusterStore store) {
        this.store = store;
    }

    /**
     * Checks a request for the log of {@code pod} and selects what it reads; nothing is written yet, so a refusal can
     * still be answered with a Status.
     *
     * @throws LogRefusal when the API server or the kubelet would refuse the request
     */
    @Override
    public PodLog open(V1Pod pod, LogQuery query) {
        Optional<ContainerRun> run = ContainerRuns.select(pod, query);
        if (run.isEmpty()) {
            return new PodLog(store, closed, query, null, null, null, null);
        }
        ContainerLog log = new ContainerLog(run.get());
        Instant now = store.clock().instant();
        Instant end = log.end(now);
        Instant from = log.retainedFrom(end);
        Instant since = query.since(now);
        if (since != null && since.isAfter(from)) {
            from = since;
        }
        if (query.tailLines() != null) {
            Instant tail = log.tailStart(query.tailLines(), end, from);
            from = tail.isAfter(from) ? tail : from;
        }
        return new PodLog(store, closed, query, log, from, end, since);
    }

    @Override
    public void closeAll() {
        closed.countDown();
    }
}
