package dev.podscope.logs;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of the container chooser: an init container, a native sidecar (an init container with
 * {@code restartPolicy: Always}), an app container, or all containers of the pod at once.
 */
public record ContainerChoice(String name, Kind kind) {
    /** The annotation kubectl reads to pick the container when none is given. */
    public static final String DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container";
    public static final ContainerChoice ALL = new ContainerChoice("", Kind.ALL);

    public enum Kind { INIT, SIDECAR, APP, ALL }

    public boolean all() {
        return kind == Kind.ALL;
    }

    /** How the chooser shows it: {@code setup (init)}, {@code proxy (sidecar)}, {@code app}, {@code All containers}. */
    public String label() {
        return switch (kind) {
            case INIT -> name + " (init)";
            case SIDECAR -> name + " (sidecar)";
            case APP -> name;
            case ALL -> "All containers";
        };
    }

    /** The pod's containers in the order the pod runs them: init containers and sidecars, then app containers. */
    public static List<ContainerChoice> of(V1Pod pod) {
        List<ContainerChoice> choices = new ArrayList<>();
        if (pod.getSpec() == null) {
            return choices;
        }
        for (V1Container c : listOrEmpty(pod.getSpec().getInitContainers())) {
            choices.add(new ContainerChoice(c.getName(), "Always".equals(c.getRestartPolicy()) ? Kind.SIDECAR : Kind.INIT));
        }
        for (V1Container c : listOrEmpty(pod.getSpec().getContainers())) {
            choices.add(new ContainerChoice(c.getName(), Kind.APP));
        }
        return choices;
    }

    /** The container kubectl logs shows without -c: the default-container annotation's, else the first app container. */
    public static Optional<String> defaultContainer(V1Pod pod) {
        Map<String, String> annotations = pod.getMetadata() == null ? null : pod.getMetadata().getAnnotations();
        List<ContainerChoice> choices = of(pod);
        String annotated = annotations == null ? null : annotations.get(DEFAULT_CONTAINER_ANNOTATION);
        if (annotated != null && choices.stream().anyMatch(c -> c.name().equals(annotated))) {
            return Optional.of(annotated);
        }
        return choices.stream().filter(c -> c.kind() == Kind.APP).map(ContainerChoice::name).findFirst();
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
