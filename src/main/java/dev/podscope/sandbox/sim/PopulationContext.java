package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.NewObject;
import dev.podscope.sandbox.store.ResourceType;
import io.kubernetes.client.common.KubernetesObject;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the builders of the initial cluster share: the objects built so far (written to the store in one batch at
 * the end), the seeded choices, the kubelets' memory, the moment the population is built ({@code now}) and the
 * moment the cluster was born ({@code birth}, weeks earlier).
 */
record PopulationContext(List<NewObject<?>> batch, Naming naming, SimNodes nodes, SteadyState steady,
                         OffsetDateTime now, OffsetDateTime birth, Map<String, String> nodeUids) {

    /** Adds an object to the initial cluster; the store sees them all at once, in the order they were added. */
    <T extends KubernetesObject> void create(ResourceType<T> type, T object) {
        batch.add(new NewObject<>(type, object));
    }

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
