package dev.podscope.diagnosis;

import io.kubernetes.client.openapi.models.V1ContainerStatus;
import java.util.Optional;

/** The first app container (or running sidecar) with a problem of its own: image, crash, out of memory, start error. */
final class ContainerRule implements Rule {

    @Override
    public Optional<Diagnosis> apply(Clues clues) {
        ContainerExplainer explainer = new ContainerExplainer(clues);
        for (V1ContainerStatus s : PodFacts.containerStatuses(clues.pod())) {
            Optional<Diagnosis> d = explainer.explain(s, "Container " + s.getName());
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }
}
