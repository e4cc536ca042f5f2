package dev.podscope.diagnosis;

import dev.podscope.format.EventAge;
import dev.podscope.format.Quantities;
import dev.podscope.metrics.ContainerUsage;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Explains what is wrong with one container from its status: image pulls, crashes, out-of-memory kills, start errors. */
final class ContainerExplainer {

    /** How many lines of the previous log a crash diagnosis quotes. */
    static final int LOG_LINES = 5;
    /** A failure this recent still explains a container that is not ready. */
    static final Duration RECENT = Duration.ofMinutes(10);

    private final Clues clues;

    ContainerExplainer(Clues clues) {
        this.clues = clues;
    }

    /** @param label "Container web" or "Init container migrate" */
    Optional<Diagnosis> explain(V1ContainerStatus s, String label) {
        String reason = ContainerTrouble.waitingReason(s);
        if (ContainerTrouble.IMAGE_REASONS.contains(reason)) {
            return Optional.of(imagePull(s, label));
        }
        Optional<V1ContainerStateTerminated> oom = ContainerTrouble.terminated(s)
                .filter(t -> "OOMKilled".equals(t.getReason()))
                .or(() -> ContainerTrouble.lastTerminated(s).filter(t -> "OOMKilled".equals(t.getReason())));
        boolean troubled = "CrashLoopBackOff".equals(reason) || ContainerTrouble.terminated(s).isPresent()
                || !Boolean.TRUE.equals(s.getReady());
        if (oom.isPresent() && troubled) {
            return Optional.of(outOfMemory(s, oom.get(), label));
        }
        if ("CrashLoopBackOff".equals(reason) || recentlyCrashed(s)) {
            Optional<Diagnosis> liveness = ProbeRule.liveness(clues, s);
            return liveness.isPresent() ? liveness : Optional.of(crashLoop(s, label));
        }
        if (ContainerTrouble.START_REASONS.contains(reason)) {
            V1ContainerStateWaiting w = ContainerTrouble.waiting(s).orElseThrow();
            String message = PodFacts.orEmpty(w.getMessage());
            return Optional.of(new Diagnosis(Severity.ERROR,
                    label + " cannot start: " + reason + (message.isEmpty() ? "" : ": " + message),
                    List.of(), List.of(reason + ": " + message)));
        }
        return Optional.empty();
    }

    /**
     * Restarted after a failure a short while ago and not ready yet: between two crashes of a crash loop the
     * container runs, and the pod is no less broken than while it backs off.
     */
    private boolean recentlyCrashed(V1ContainerStatus s) {
        if (Boolean.TRUE.equals(s.getReady()) || ContainerTrouble.restarts(s) == 0) {
            return false;
        }
        return ContainerTrouble.lastTerminated(s)
                .filter(t -> t.getExitCode() != null && t.getExitCode() != 0)
                .map(V1ContainerStateTerminated::getFinishedAt)
                .filter(f -> f.toInstant().plus(RECENT).isAfter(clues.now()))
                .isPresent();
    }

    private Diagnosis imagePull(V1ContainerStatus s, String label) {
        V1ContainerStateWaiting w = ContainerTrouble.waiting(s).orElseThrow();
        String image = PodFacts.container(clues.pod(), s.getName()).map(V1Container::getImage).orElse(s.getImage());
        List<String> details = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        evidence.add(w.getReason() + (w.getMessage() == null ? "" : ": " + w.getMessage()));
        Optional<CoreV1Event> failed = clues.latestWithPrefix("Failed", s.getName(), "Failed to pull image");
        String error = failed.map(EventAge::message).orElse(PodFacts.orEmpty(w.getMessage()));
        if (!error.isEmpty()) {
            details.add("Registry error: " + error);
        }
        failed.ifPresent(e -> evidence.add("event Failed (x" + EventAge.count(e) + "): " + EventAge.message(e)));
        if ("ImagePullBackOff".equals(w.getReason())) {
            details.add("The kubelet retries with a growing back-off (up to 5 minutes).");
        }
        details.add("Check the image name and tag, that the registry is reachable, and the pod's imagePullSecrets.");
        return new Diagnosis(Severity.ERROR, label + " cannot pull image " + image + " (" + w.getReason() + ")",
                details, evidence);
    }

    private Diagnosis outOfMemory(V1ContainerStatus s, V1ContainerStateTerminated t, String label) {
        Optional<Quantity> limit = PodFacts.container(clues.pod(), s.getName()).flatMap(c -> PodFacts.limit(c, "memory"));
        String headline = label + " was killed for running out of memory"
                + limit.map(q -> " (limit " + q.toSuffixedString() + ")").orElse("")
                + restartsPhrase(s);
        List<String> details = new ArrayList<>();
        Optional<ContainerUsage> usage = clues.usageOf(s.getName());
        if (usage.isPresent() && limit.isPresent()) {
            long limitBytes = limit.get().getNumber().longValue();
            long used = usage.get().bytes();
            details.add("Last memory usage " + Quantities.memory(used) + " of its " + limit.get().toSuffixedString()
                    + " limit (" + Math.round(100.0 * used / Math.max(1, limitBytes)) + "%).");
        } else if (usage.isPresent()) {
            details.add("Last memory usage " + Quantities.memory(usage.get().bytes()) + "; no memory limit is set,"
                    + " so the node itself ran out of memory.");
        }
        details.add("Raise the memory limit or find what makes the process grow.");
        return new Diagnosis(Severity.ERROR, headline, details, List.of("terminated: " + ContainerTrouble.exit(t)));
    }

    private Diagnosis crashLoop(V1ContainerStatus s, String label) {
        Optional<V1ContainerStateTerminated> last = ContainerTrouble.lastTerminated(s);
        String headline = label + " keeps crashing"
                + last.map(t -> ": last " + ContainerTrouble.exit(t)).orElse("") + restartsPhrase(s);
        List<String> details = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        ContainerTrouble.backOff(s).ifPresent(b -> details.add("Kubernetes waits " + b + " before restarting it again"
                + " (the back-off doubles after each crash, up to 5m)."));
        last.map(V1ContainerStateTerminated::getMessage).filter(m -> !m.isBlank())
                .ifPresent(m -> details.add("Termination message: " + m.strip()));
        List<String> tail = LogTail.telling(clues.previousLogTail(), LOG_LINES);
        if (!tail.isEmpty()) {
            details.add("Last lines of the previous log:");
            for (String line : tail) {
                details.add("  " + line);
            }
        }
        clues.latest("BackOff", s.getName()).ifPresent(e ->
                evidence.add("event BackOff (x" + EventAge.count(e) + "): " + EventAge.message(e)));
        return new Diagnosis(Severity.ERROR, headline, details, evidence);
    }

    static String restartsPhrase(V1ContainerStatus s) {
        int n = ContainerTrouble.restarts(s);
        return n == 0 ? "" : "; restarted " + n + (n == 1 ? " time" : " times");
    }
}
