package dev.podscope.diagnosis;

import dev.podscope.format.HumanDuration;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Init containers run one after another before the app containers; one that fails, cannot start, or runs for long
 * holds the whole pod in Init. Sidecars (restartPolicy Always) are judged as app containers instead, except that
 * one that cannot start blocks the containers after it too.
 */
final class InitContainerRule implements Rule {

    /** An init container running longer than this is called stuck. */
    static final Duration STUCK_AFTER = Duration.ofMinutes(5);

    @Override
    public Optional<Diagnosis> apply(Clues clues) {
        V1Pod pod = clues.pod();
        if (PodFacts.conditionTrue(pod, "Initialized")) {
            return Optional.empty();
        }
        ContainerExplainer explainer = new ContainerExplainer(clues);
        for (V1ContainerStatus s : PodFacts.initContainerStatuses(pod)) {
            boolean sidecar = PodFacts.container(pod, s.getName()).map(PodFacts::isSidecar).orElse(false);
            String label = (sidecar ? "Sidecar container " : "Init container ") + s.getName();
            Optional<Diagnosis> d = explainer.explain(s, label);
            if (d.isPresent()) {
                return d.map(InitContainerRule::blocking);
            }
            Optional<Diagnosis> failed = ContainerTrouble.terminated(s)
                    .filter(t -> t.getExitCode() != null && t.getExitCode() != 0)
                    .map(t -> new Diagnosis(Severity.ERROR, label + " failed: " + ContainerTrouble.exit(t)
                            + ContainerExplainer.restartsPhrase(s),
                            List.of("The app containers start only after every init container exits with code 0."),
                            List.of("terminated: " + ContainerTrouble.exit(t))));
            if (failed.isPresent()) {
                return failed;
            }
            if (!sidecar && ContainerTrouble.running(s)) {
                OffsetDateTime started = s.getState().getRunning().getStartedAt();
                if (started != null && Duration.between(started.toInstant(), clues.now()).compareTo(STUCK_AFTER) > 0) {
                    String since = HumanDuration.since(started, clues.now());
                    String image = PodFacts.container(pod, s.getName()).map(V1Container::getImage).orElse(s.getImage());
                    return Optional.of(new Diagnosis(Severity.WARNING,
                            label + " has been running for " + since + "; the app containers wait for it to finish",
                            List.of("Image " + image + ". Check its log: it may be waiting for a dependency"
                                    + " (a database, a service) that never becomes available."),
                            List.of("running since " + started)));
                }
                return Optional.empty(); // a young init container is just working
            }
        }
        return Optional.empty();
    }

    private static Diagnosis blocking(Diagnosis d) {
        List<String> details = new java.util.ArrayList<>(d.details());
        details.add("The app containers cannot start until it completes.");
        return new Diagnosis(d.severity(), d.headline(), details, d.evidence());
    }
}
