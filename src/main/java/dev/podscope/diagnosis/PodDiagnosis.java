package dev.podscope.diagnosis;

import dev.podscope.metrics.PodUsage;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Why is this pod unhealthy?": a short plain-language diagnosis of a pod that is not Running and Ready (or
 * Succeeded), built from its status and conditions and, when available, its events, previous log and usage.
 * The rules are tried from the most fundamental cause (its node is gone, the pod is going away, it has no node)
 * to the most specific symptom (a probe failing), and the first that recognizes the problem explains it.
 */
public final class PodDiagnosis {

    private static final List<Rule> RULES = List.of(
            new NodeLostRule(),
            new TerminatingRule(),
            new SchedulingRule(),
            new InitContainerRule(),
            new ContainerRule(),
            new ProbeRule(),
            new FallbackRule());

    private PodDiagnosis() {
    }

    /** From the pod's status alone: cheap enough for every row of the pod table. */
    public static Optional<Diagnosis> fromStatus(V1Pod pod, Instant now) {
        return explain(pod, List.of(), List.of(), null, now);
    }

    /**
     * With everything known about the pod.
     *
     * @param events          the pod's events (any order), may be empty
     * @param previousLogTail last lines of the previous instance of the failing container's log, may be empty
     * @param usage           the last metrics sample of the pod, or null when metrics are unavailable
     */
    public static Optional<Diagnosis> explain(V1Pod pod, List<CoreV1Event> events, List<String> previousLogTail,
                                              PodUsage usage, Instant now) {
        Clues clues = new Clues(pod, events, previousLogTail, usage, now);
        if (isHealthy(pod, now)) {
            return Optional.empty();
        }
        for (Rule rule : RULES) {
            Optional<Diagnosis> d = rule.apply(clues);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** Succeeded, or Running with the Ready condition true and not stuck in termination. */
    static boolean isHealthy(V1Pod pod, Instant now) {
        if (TerminatingRule.overdue(pod, now)) {
            return false;
        }
        String phase = PodFacts.phase(pod);
        return "Succeeded".equals(phase) || "Running".equals(phase) && PodFacts.conditionTrue(pod, "Ready");
    }
}
