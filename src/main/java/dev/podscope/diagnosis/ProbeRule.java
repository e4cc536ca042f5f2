package dev.podscope.diagnosis;

import dev.podscope.format.EventAge;
import dev.podscope.format.HumanDuration;
import dev.podscope.format.ProbeText;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.ZoneOffset;

/**
 * Running containers that are not ready (readiness or startup probe failing), or that are restarted by their
 * liveness probe. The failure message comes from the kubelet's Unhealthy events
 * ("Readiness probe failed: HTTP probe failed with statuscode: 503").
 */
final class ProbeRule implements Rule {

    @Override
    public Optional<Diagnosis> apply(Clues clues) {
        for (V1ContainerStatus s : PodFacts.containerStatuses(clues.pod())) {
            Optional<Diagnosis> liveness = liveness(clues, s);
            if (liveness.isPresent()) {
                return liveness;
            }
        }
        for (V1ContainerStatus s : PodFacts.containerStatuses(clues.pod())) {
            if (!ContainerTrouble.running(s) || Boolean.TRUE.equals(s.getReady())) {
                continue;
            }
            Optional<V1Container> c = PodFacts.container(clues.pod(), s.getName());
            if (!Boolean.TRUE.equals(s.getStarted()) && c.map(V1Container::getStartupProbe).isPresent()) {
                return Optional.of(probe(clues, s, "Startup", c.get().getStartupProbe(),
                        " has not passed its startup probe yet", "", Severity.WARNING));
            }
            if (c.map(V1Container::getReadinessProbe).isPresent()) {
                return Optional.of(probe(clues, s, "Readiness", c.get().getReadinessProbe(),
                        " is not ready: its readiness probe is failing", "", Severity.WARNING));
            }
        }
        return Optional.empty();
    }

    /** A container the kubelet restarted after failed liveness probes (needs the Unhealthy events). */
    static Optional<Diagnosis> liveness(Clues clues, V1ContainerStatus s) {
        Optional<CoreV1Event> unhealthy = clues.latestWithPrefix("Unhealthy", s.getName(), "Liveness probe failed");
        Optional<V1Probe> probe = PodFacts.container(clues.pod(), s.getName()).map(V1Container::getLivenessProbe);
        if (unhealthy.isEmpty() || probe.isEmpty() || ContainerTrouble.restarts(s) == 0
                && Boolean.TRUE.equals(s.getReady())) {
            return Optional.empty();
        }
        return Optional.of(probe(clues, s, "Liveness", probe.get(), " is restarted by its failing liveness probe",
                ContainerExplainer.restartsPhrase(s), Severity.ERROR));
    }

    private static Diagnosis probe(Clues clues, V1ContainerStatus s, String kind, V1Probe probe, String problem,
                                   String suffix, Severity severity) {
        List<String> details = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        details.add(kind + " probe: " + ProbeText.describe(probe));
        Optional<CoreV1Event> event = clues.latestWithPrefix("Unhealthy", s.getName(), kind + " probe failed");
        event.ifPresent(e -> {
            int count = EventAge.count(e);
            String times = count > 1 ? ", " + count + " failures since " + EventAge.firstSeen(e, clues.now()) + " ago" : "";
            details.add("Last failure " + HumanDuration.since(EventAge.lastTime(e).atOffset(ZoneOffset.UTC), clues.now())
                    + " ago" + times + ": " + stripPrefix(e, kind));
            evidence.add("event Unhealthy (x" + EventAge.count(e) + "): " + EventAge.message(e));
        });
        String headline = "Container " + s.getName() + problem + " (" + ProbeText.target(probe) + ")" + suffix;
        return new Diagnosis(severity, headline, details, evidence);
    }

    private static String stripPrefix(CoreV1Event e, String kind) {
        String m = EventAge.message(e);
        String prefix = kind + " probe failed: ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
