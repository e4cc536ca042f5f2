package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What the builders of the initial cluster share: the store, the seeded choices, the kubelets' memory, the moment
 * the population is built ({@code now}) and the moment the cluster was born ({@code birth}, weeks earlier).
 */
record PopulationContext(ClusterStore store, Naming naming, SimNodes nodes, SteadyState steady,
                         OffsetDateTime now, OffsetDateTime birth, Map<String, String> nodeUids) {

    /** A moment chosen uniformly from {@code from} to {@code to}. */
    OffsetDateTime between(OffsetDateTime from, OffsetDateTime to) {
        long seconds = Math.max(0, Duration.between(from, to).getSeconds());
        return from.plusSeconds((long) (seconds * naming.uniform(0, 1)));
    }

    OffsetDateTime ago(Duration duration) {
        return now.minus(duration);
    }

    String worker() {
        return naming.pick(SimNodes.workers()).name();
    }
}
