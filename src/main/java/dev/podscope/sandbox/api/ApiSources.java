package dev.podscope.sandbox.api;

import dev.podscope.sandbox.logs.LogSource;
import dev.podscope.sandbox.logs.PodLogs;
import dev.podscope.sandbox.metrics.MetricsSource;
import dev.podscope.sandbox.metrics.ResourceMetrics;
import dev.podscope.sandbox.store.ClusterStore;

/**
 * What the API server answers from beyond its store: where logs and metrics come from, what {@code /version} says,
 * and whether it accepts changes. A live sandbox simulates logs and metrics; a replayed bundle reads its files and
 * refuses every change.
 *
 * @param metrics  null for a cluster without metrics-server (no metrics.k8s.io API)
 * @param version  the JSON of {@code GET /version}
 * @param readOnly null when changes are accepted, else the message every change is refused with (405)
 */
public record ApiSources(LogSource logs, MetricsSource metrics, byte[] version, String readOnly) {

    /** The live sandbox: simulated logs and metrics, the sandbox's own version, writable. */
    public static ApiSources simulated(ClusterStore store) {
        return new ApiSources(new PodLogs(store), new ResourceMetrics(store.clock()), ServerInfo.sandboxVersion(),
                null);
    }
}
