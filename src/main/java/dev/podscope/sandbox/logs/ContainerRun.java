package dev.podscope.sandbox.logs;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;

import java.time.Instant;
import java.util.List;

/**
 * One run of one container, as its pod's status tells it: everything its log is computed from.
 *
 * @param instance       how many times the container had restarted when this run began (its restartCount then)
 * @param finished       null while the run goes on
 * @param exitCode       null while the run goes on
 * @param failsAtStartup whether the program dies while starting, before it does any work
 */
record ContainerRun(String podUid, String podName, String namespace, String podIp, String restartPolicy,
                    V1Container spec, boolean init, int instance, Instant started, Instant finished,
                    Integer exitCode, boolean failsAtStartup) {

    ContainerRun finishedAt(Instant at, int code) {
        return new ContainerRun(podUid, podName, namespace, podIp, restartPolicy, spec, init, instance, started, at,
                code, failsAtStartup);
    }

    boolean running() {
        return finished == null;
    }

    String name() {
        return spec.getName();
    }

    String image() {
        return spec.getImage() == null ? "" : spec.getImage();
    }

    /** The image's tag ({@code v1.8.0} of {@code registry.example.com/shop/cart:v1.8.0}), "latest" without one. */
    String version() {
        String image = image().split("@")[0];
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "latest";
    }

    /** Whether the process is meant to finish (a Job's or an init container's) rather than serve until stopped. */
    boolean batch() {
        return init ? !"Always".equals(spec.getRestartPolicy()) : !"Always".equals(restartPolicy);
    }

    int httpPort() {
        List<V1ContainerPort> ports = spec.getPorts() == null ? List.of() : spec.getPorts();
        return ports.stream().filter(p -> "http".equals(p.getName())).findFirst()
                .or(() -> ports.stream().findFirst()).map(V1ContainerPort::getContainerPort).orElse(8080);
    }

    /** The memory limit in bytes, or 0 when the container has none. */
    long memoryLimitBytes() {
        if (spec.getResources() == null || spec.getResources().getLimits() == null) {
            return 0;
        }
        Quantity limit = spec.getResources().getLimits().get("memory");
        return limit == null ? 0 : limit.getNumber().longValue();
    }

    /** The command and arguments as one shell-like line. */
    String commandLine() {
        List<String> command = spec.getCommand() == null ? List.of() : spec.getCommand();
        List<String> args = spec.getArgs() == null ? List.of() : spec.getArgs();
        return String.join(" ", command) + (command.isEmpty() || args.isEmpty() ? "" : " ") + String.join(" ", args);
    }
}
