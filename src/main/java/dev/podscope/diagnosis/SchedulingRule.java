package dev.podscope.diagnosis;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pod the scheduler cannot place: PodScheduled=False/Unschedulable with the scheduler's summary, e.g.
 * "0/3 nodes are available: 3 Insufficient cpu. preemption: ...". Names the scarce resource and what the pod asks.
 */
final class SchedulingRule implements Rule {

    private static final Pattern INSUFFICIENT = Pattern.compile("Insufficient ([A-Za-z0-9./_-]+?)[,.]?(?=\\s|$|,|\\.)");

    @Override
    public Optional<Diagnosis> apply(Clues clues) {
        V1Pod pod = clues.pod();
        Optional<V1PodCondition> scheduled = PodFacts.condition(pod, "PodScheduled")
                .filter(c -> "False".equals(c.getStatus()));
        Optional<CoreV1Event> failed = clues.latest("FailedScheduling", null);
        boolean unscheduled = pod.getSpec() == null || pod.getSpec().getNodeName() == null;
        if (scheduled.isEmpty() && (failed.isEmpty() || !unscheduled)) {
            return Optional.empty();
        }
        String message = scheduled.map(V1PodCondition::getMessage).filter(m -> !m.isEmpty())
                .orElseGet(() -> failed.map(CoreV1Event::getMessage).orElse(""));
        if (scheduled.isPresent() && "SchedulingGated".equals(scheduled.get().getReason())) {
            return Optional.of(new Diagnosis(Severity.WARNING,
                    "Not scheduled yet: held back by scheduling gates",
                    List.of("The scheduler ignores the pod until its spec.schedulingGates are removed."),
                    List.of("PodScheduled: SchedulingGated")));
        }
        List<String> details = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        if (!message.isEmpty()) {
            evidence.add(message);
        }
        Set<String> scarce = insufficient(message);
        String headline;
        if (!scarce.isEmpty()) {
            List<String> asks = new ArrayList<>();
            for (String resource : scarce) {
                asks.add(requested(pod, resource).map(q -> phrase(resource, q))
                        .orElse("no explicit " + resource + " request"));
            }
            headline = "Cannot be scheduled: no node has enough free " + String.join(" and ", scarce)
                    + " (the pod requests " + String.join(", ", asks) + ")";
            details.add("Lower the pod's requests, free capacity by removing other pods, or add nodes.");
        } else if (message.contains("didn't match Pod's node affinity/selector")) {
            headline = "Cannot be scheduled: no node matches the pod's node selector or affinity";
        } else if (message.contains("untolerated taint")) {
            headline = "Cannot be scheduled: the nodes have taints the pod does not tolerate";
        } else if (message.contains("didn't have free ports")) {
            headline = "Cannot be scheduled: the requested host port is taken on every node";
        } else if (message.contains("persistentvolumeclaim") || message.contains("PersistentVolumeClaim")) {
            headline = "Cannot be scheduled: its persistent volume claim is not bound";
        } else {
            headline = "Cannot be scheduled" + (message.isEmpty() ? "" : ": " + firstSentence(message));
        }
        if (!message.isEmpty()) {
            details.add(0, "Scheduler: " + message);
        }
        return Optional.of(new Diagnosis(Severity.WARNING, headline, details, evidence));
    }

    static Set<String> insufficient(String message) {
        Set<String> resources = new LinkedHashSet<>();
        Matcher m = INSUFFICIENT.matcher(message);
        while (m.find()) {
            resources.add(m.group(1));
        }
        return resources;
    }

    /**
     * The pod's effective request as the scheduler computes it: the sum over app containers and sidecars, or the
     * largest single init container if that is more.
     */
    static Optional<Quantity> requested(V1Pod pod, String resource) {
        BigDecimal apps = BigDecimal.ZERO;
        BigDecimal sidecars = BigDecimal.ZERO;
        BigDecimal largestInit = BigDecimal.ZERO;
        Quantity.Format format = null;
        for (V1Container c : PodFacts.initContainers(pod)) {
            Optional<Quantity> q = PodFacts.request(c, resource);
            if (q.isEmpty()) {
                continue;
            }
            format = q.get().getFormat();
            if (PodFacts.isSidecar(c)) {
                sidecars = sidecars.add(q.get().getNumber());
            } else {
                largestInit = largestInit.max(q.get().getNumber().add(sidecars));
            }
        }
        for (V1Container c : PodFacts.containers(pod)) {
            Optional<Quantity> q = PodFacts.request(c, resource);
            if (q.isPresent()) {
                apps = apps.add(q.get().getNumber());
                format = q.get().getFormat();
            }
        }
        return format == null ? Optional.empty() : Optional.of(new Quantity(apps.add(sidecars).max(largestInit), format));
    }

    static String phrase(String resource, Quantity q) {
        String value = q.toSuffixedString();
        return switch (resource) {
            case "cpu" -> value + " CPU";
            case "memory" -> value + " of memory";
            default -> value + " " + resource;
        };
    }

    private static String firstSentence(String message) {
        int dot = message.indexOf(". ");
        return dot < 0 ? message : message.substring(0, dot);
    }
}
