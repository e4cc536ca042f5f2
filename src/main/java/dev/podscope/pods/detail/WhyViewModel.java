package dev.podscope.pods.detail;

import dev.podscope.diagnosis.Diagnosis;
import dev.podscope.diagnosis.PodDiagnosis;
import dev.podscope.diagnosis.PreviousLogTail;
import dev.podscope.metrics.PodUsage;
import dev.podscope.ui.TaskExecutor;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Pod;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.Clock;
import java.util.List;

/**
 * The "Why?" banner of an unhealthy pod. The pod's status gives a first answer at once; the full explanation, which
 * also weighs its events, the previous log of a crashed container and its last memory sample, is worked out in the
 * background. While one explanation is worked out, newer inputs wait for it and only the newest is explained next.
 */
public final class WhyViewModel {
    private final TaskExecutor tasks;
    private final Clock clock;
    private final PreviousLogTail previousLog = new PreviousLogTail();
    private final ReadOnlyObjectWrapper<Diagnosis> diagnosis = new ReadOnlyObjectWrapper<>(this, "diagnosis");
    private ApiClient client;
    private V1Pod pod;
    private List<CoreV1Event> events = List.of();
    private PodUsage usage;
    private boolean running;
    private boolean pending;
    private long generation;

    public WhyViewModel(TaskExecutor tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    void client(ApiClient newClient) {
        client = newClient;
    }

    /** New inputs; any may be unchanged. {@code usage} may be null (no metrics). */
    void update(V1Pod newPod, List<CoreV1Event> newEvents, PodUsage newUsage) {
        boolean samePod = pod != null && newPod != null
                && pod.getMetadata().getUid() != null && pod.getMetadata().getUid().equals(newPod.getMetadata().getUid());
        pod = newPod;
        events = newEvents;
        usage = newUsage;
        var quick = PodDiagnosis.fromStatus(newPod, clock.instant());
        if (quick.isEmpty()) {
            generation++;
            diagnosis.set(null);
            return;
        }
        if (!samePod || diagnosis.get() == null) {
            diagnosis.set(quick.get());
        }
        if (running) {
            pending = true;
        } else {
            explain();
        }
    }

    void clear() {
        generation++;
        pod = null;
        events = List.of();
        usage = null;
        diagnosis.set(null);
    }

    /** The explanation, or null while the pod is healthy (or none is open). */
    public ReadOnlyObjectProperty<Diagnosis> diagnosisProperty() {
        return diagnosis.getReadOnlyProperty();
    }

    private void explain() {
        long current = ++generation;
        V1Pod p = pod;
        List<CoreV1Event> e = events;
        PodUsage u = usage;
        ApiClient c = client;
        running = true;
        tasks.execute(() -> PodDiagnosis.explain(p, e, previousLog.read(c, p), u, clock.instant()), result -> {
            if (current == generation) {
                diagnosis.set(result.orElse(null));
            }
            done();
        }, error -> done());
    }

    private void done() {
        running = false;
        if (pending && pod != null) {
            pending = false;
            explain();
        }
    }
}
