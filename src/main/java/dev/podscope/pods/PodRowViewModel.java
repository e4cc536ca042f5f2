package dev.podscope.pods;

import dev.podscope.diagnosis.Diagnosis;
import dev.podscope.format.PodRow;
import dev.podscope.metrics.PodUsage;
import io.kubernetes.client.openapi.models.V1Pod;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One pod as the table shows it. The object stays the same while the pod changes, so selection and focus survive
 * updates; {@link #printedProperty()} changes instead. Its time-dependent strings (AGE, the "ago" in RESTARTS)
 * are as of the last change — cells that tick ask {@link #printedAt(Instant)}.
 */
public final class PodRowViewModel {
    private final PodKey key;
    private final ReadOnlyObjectWrapper<PodRow> printed = new ReadOnlyObjectWrapper<>(this, "printed");
    private final ReadOnlyObjectWrapper<PodUsage> usage = new ReadOnlyObjectWrapper<>(this, "usage");
    private final ReadOnlyObjectWrapper<Diagnosis> why = new ReadOnlyObjectWrapper<>(this, "why");
    private V1Pod pod;
    private Instant createdAt;
    /** Position in the table view-model's shown list, -1 when filtered out; maintained by that view-model. */
    int shownIndex = -1;

    PodRowViewModel(PrintedPod printedPod) {
        this.key = PodKey.of(printedPod.pod());
        update(printedPod);
    }

    void update(PrintedPod printedPod) {
        this.pod = printedPod.pod();
        OffsetDateTime created = pod.getMetadata() == null ? null : pod.getMetadata().getCreationTimestamp();
        this.createdAt = created == null ? null : created.toInstant();
        why.set(printedPod.why());
        printed.set(printedPod.row());
    }

    public PodKey key() {
        return key;
    }

    public V1Pod pod() {
        return pod;
    }

    public PodRow printed() {
        return printed.get();
    }

    public ReadOnlyObjectProperty<PodRow> printedProperty() {
        return printed.getReadOnlyProperty();
    }

    /** Why the pod is unhealthy, from its status alone; null while it is healthy. */
    public Diagnosis why() {
        return why.get();
    }

    /** Why the pod is unhealthy, from its status alone; null while it is healthy. */
    public ReadOnlyObjectProperty<Diagnosis> whyProperty() {
        return why.getReadOnlyProperty();
    }

    /** The pod's latest PodMetrics, or null when it has none (not running, no metrics API). */
    public PodUsage usage() {
        return usage.get();
    }

    public ReadOnlyObjectProperty<PodUsage> usageProperty() {
        return usage.getReadOnlyProperty();
    }

    /** True when the sample changed; set by the table view-model. */
    boolean usage(PodUsage sample) {
        if (java.util.Objects.equals(usage.get(), sample)) {
            return false;
        }
        usage.set(sample);
        return true;
    }

    /** The row with AGE and RESTARTS as of {@code now}. */
    public PodRow printedAt(Instant now) {
        return PodRow.of(pod, now);
    }

    /** Null when the API server sent no creation timestamp. */
    public Instant createdAt() {
        return createdAt;
    }

    public Map<String, String> labels() {
        Map<String, String> labels = pod.getMetadata() == null ? null : pod.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    /** The pod's phase (Pending, Running, Succeeded, Failed, Unknown); "Unknown" when the status has none. */
    public String phase() {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return phase == null || phase.isEmpty() ? "Unknown" : phase;
    }

    @Override
    public String toString() {
        return key.toString();
    }
}
