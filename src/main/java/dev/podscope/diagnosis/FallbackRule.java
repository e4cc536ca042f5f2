package dev.podscope.diagnosis;

import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Whatever the specific rules did not recognize, said as plainly as the status allows. */
final class FallbackRule implements Rule {

    @Override
    public Optional<Diagnosis> apply(Clues clues) {
        V1Pod pod = clues.pod();
        V1PodStatus status = PodFacts.status(pod);
        String phase = PodFacts.phase(pod);
        String reason = PodFacts.orEmpty(status.getReason());
        String message = PodFacts.orEmpty(status.getMessage());
        List<String> evidence = new ArrayList<>();
        if (!reason.isEmpty() || !message.isEmpty()) {
            evidence.add(reason + (message.isEmpty() ? "" : ": " + message));
        }
        switch (phase) {
            case "Failed" -> {
                String head = "Failed" + (reason.isEmpty() ? "" : " (" + reason + ")") + (message.isEmpty() ? "" : ": " + message);
                for (V1ContainerStatus s : PodFacts.containerStatuses(pod)) {
                    ContainerTrouble.terminated(s).filter(t -> t.getExitCode() != null && t.getExitCode() != 0)
                            .ifPresent(t -> evidence.add("container " + s.getName() + ": " + ContainerTrouble.exit(t)));
                }
                return Optional.of(new Diagnosis(Severity.ERROR, head, evidence, evidence));
            }
            case "Pending" -> {
                List<String> waiting = new ArrayList<>();
                for (V1ContainerStatus s : PodFacts.containerStatuses(pod)) {
                    String w = ContainerTrouble.waitingReason(s);
                    if (!w.isEmpty()) {
                        waiting.add(s.getName() + ": " + w);
                    }
                }
                String head = waiting.isEmpty() ? "Pending: not started yet" : "Pending: containers are being created";
                return Optional.of(new Diagnosis(Severity.INFO, head, waiting, evidence));
            }
            case "Unknown" -> {
                return Optional.of(new Diagnosis(Severity.ERROR,
                        "State unknown: the node's kubelet is not reporting", List.of(), evidence));
            }
            default -> {
                Optional<V1PodCondition> ready = PodFacts.condition(pod, "Ready");
                String why = ready.map(c -> PodFacts.orEmpty(c.getMessage())).filter(m -> !m.isEmpty())
                        .orElse(ready.map(c -> PodFacts.orEmpty(c.getReason())).orElse(""));
                String head = "Not ready" + (why.isEmpty() ? "" : ": " + why);
                return Optional.of(new Diagnosis(Severity.WARNING, head, List.of(), evidence));
            }
        }
    }
}
