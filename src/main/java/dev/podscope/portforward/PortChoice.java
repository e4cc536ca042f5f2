package dev.podscope.portforward;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;

import java.util.ArrayList;
import java.util.List;

/**
 * A remote port a forward can point at: a container port a pod declares, or a Service port (with the target port it
 * leads to). {@code port} is the number the forward asks for; {@code name} may be null.
 */
public record PortChoice(String name, int port, String protocol, String detail) {

    /** The pod's declared container ports (init sidecars included), in spec order. */
    public static List<PortChoice> of(V1Pod pod) {
        List<PortChoice> choices = new ArrayList<>();
        if (pod.getSpec() == null) {
            return choices;
        }
        List<V1Container> containers = new ArrayList<>();
        if (pod.getSpec().getInitContainers() != null) {
            pod.getSpec().getInitContainers().stream().filter(c -> "Always".equals(c.getRestartPolicy()))
                    .forEach(containers::add);
        }
        containers.addAll(pod.getSpec().getContainers());
        for (V1Container container : containers) {
            if (container.getPorts() == null) {
                continue;
            }
            for (V1ContainerPort p : container.getPorts()) {
                choices.add(new PortChoice(p.getName(), p.getContainerPort(), protocol(p.getProtocol()),
                        "container " + container.getName()));
            }
        }
        return choices;
    }

    /** The Service's ports, each naming the target port it leads to. */
    public static List<PortChoice> of(V1Service service) {
        List<PortChoice> choices = new ArrayList<>();
        if (service.getSpec() == null || service.getSpec().getPorts() == null) {
            return choices;
        }
        for (V1ServicePort p : service.getSpec().getPorts()) {
            IntOrString target = p.getTargetPort();
            String to = target == null ? Integer.toString(p.getPort())
                    : target.isInteger() ? Integer.toString(target.getIntValue()) : target.getStrValue();
            choices.add(new PortChoice(p.getName(), p.getPort(), protocol(p.getProtocol()), "to target port " + to));
        }
        return choices;
    }

    /** A port typed by the user: a number 1–65535, else null. */
    public static PortChoice typed(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            return port >= 1 && port <= 65535 ? new PortChoice(null, port, "TCP", "typed") : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String protocol(String protocol) {
        return protocol == null || protocol.isBlank() ? "TCP" : protocol;
    }

    /** "http · 8080/TCP (container app)" */
    public String label() {
        String number = port + "/" + protocol;
        String named = name == null || name.isBlank() ? number : name + " · " + number;
        return "typed".equals(detail) ? named : named + " (" + detail + ")";
    }

    @Override
    public String toString() {
        return label();
    }
}
