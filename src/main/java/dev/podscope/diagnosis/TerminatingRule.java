package dev.podscope.diagnosis;

import dev.podscope.format.HumanDuration;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pod still present well after its deletion deadline (deletionTimestamp is the request time plus the grace
 * period): finalizers nobody removes, or a kubelet that never confirms the containers stopped.
 */
final class TerminatingRule implements Rule {

    /** Slack past the deadline before we call it stuck: the kubelet needs a moment to report and the API to delete. */
    static final Duration TOLERANCE = Duration.ofSeconds(30);

    static boolean overdue(V1Pod pod, Instant now) {
        OffsetDateTime deletion = pod.getMetadata() == null ? null : pod.getMetadata().getDeletionTimestamp();
        return deletion != null && deletion.toInstant().plus(TOLERANCE).isBefore(now);
    }

    @Override
    public Optional<Diagnosis> apply(Clues clues) {
        V1Pod pod = clues.pod();
        if (!overdue(pod, clues.now())) {
            return Optional.empty();
        }
        OffsetDateTime deletion = pod.getMetadata().getDeletionTimestamp();
        String overdueFor = HumanDuration.format(Duration.between(deletion.toInstant(), clues.now()));
        List<String> finalizers = pod.getMetadata().getFinalizers() == null ? List.of() : pod.getMetadata().getFinalizers();
        List<String> details = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        evidence.add("deletionTimestamp " + deletion);
        String headline;
        if (!finalizers.isEmpty()) {
            headline = "Stuck terminating for " + overdueFor + ": waiting for finalizer"
                    + (finalizers.size() > 1 ? "s " : " ") + String.join(", ", finalizers);
            details.add("The pod is deleted only when every finalizer is removed by the controller that added it.");
            details.add("If that controller is gone, remove the finalizers: kubectl patch pod " + PodFacts.name(pod)
                    + " -p '{\"metadata\":{\"finalizers\":null}}'");
            evidence.add("finalizers " + finalizers);
        } else {
            String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
            headline = "Stuck terminating for " + overdueFor + ": the kubelet"
                    + (node == null ? "" : " on " + node) + " has not confirmed that the containers stopped";
            details.add("The node may be unreachable; the pod object stays until its kubelet reports back"
                    + " or it is force-deleted (kubectl delete pod --force --grace-period=0).");
        }
        return Optional.of(new Diagnosis(Severity.ERROR, headline, details, evidence));
    }
}
