package dev.podscope.portforward;

import java.util.Locale;

/**
 * What a port-forward points at: a pod, a Service (one of its ready endpoints' pods) or a Deployment (one of its
 * ready pods), and the remote port as a number ("8080") or a name ("http": a Service port's name, else a container
 * port's name).
 */
public record ForwardTarget(Kind kind, String namespace, String name, String port) {
    public enum Kind {
        POD("pod"), SERVICE("svc"), DEPLOYMENT("deploy");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** kubectl's short resource name: pod, svc, deploy. */
        public String prefix() {
            return prefix;
        }
    }

    public ForwardTarget {
        if (kind == null || namespace == null || namespace.isBlank() || name == null || name.isBlank()
                || port == null || port.isBlank()) {
            throw new IllegalArgumentException("a forward target needs a kind, namespace, name and port");
        }
    }

    public static ForwardTarget pod(String namespace, String name, String port) {
        return new ForwardTarget(Kind.POD, namespace, name, port);
    }

    public static ForwardTarget service(String namespace, String name, String port) {
        return new ForwardTarget(Kind.SERVICE, namespace, name, port);
    }

    public static ForwardTarget deployment(String namespace, String name, String port) {
        return new ForwardTarget(Kind.DEPLOYMENT, namespace, name, port);
    }

    /**
     * Parses kubectl's TYPE/NAME ({@code pod/web-1}, {@code svc/web}, {@code service/web}, {@code deploy/web},
     * {@code deployment/web}; a bare name is a pod); IllegalArgumentException with a user message otherwise.
     */
    public static ForwardTarget parse(String resource, String namespace, String port) {
        int slash = resource.indexOf('/');
        if (slash < 0) {
            return pod(namespace, resource, port);
        }
        String type = resource.substring(0, slash).toLowerCase(Locale.ROOT);
        String name = resource.substring(slash + 1);
        Kind kind = switch (type) {
            case "pod", "pods", "po" -> Kind.POD;
            case "svc", "service", "services" -> Kind.SERVICE;
            case "deploy", "deployment", "deployments" -> Kind.DEPLOYMENT;
            default -> throw new IllegalArgumentException("cannot port-forward to a " + type
                    + ": use pod/NAME, svc/NAME or deploy/NAME");
        };
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no name after '" + type + "/'");
        }
        return new ForwardTarget(kind, namespace, name, port);
    }

    /** The remote port as a number, or -1 when it is a name. */
    public int portNumber() {
        return port.chars().allMatch(Character::isDigit) && port.length() <= 5 ? Integer.parseInt(port) : -1;
    }

    /** e.g. "svc/web" */
    public String resource() {
        return kind.prefix() + "/" + name;
    }

    @Override
    public String toString() {
        return namespace + "/" + resource() + ":" + port;
    }
}
