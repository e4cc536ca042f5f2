package dev.podscope.probes;

import dev.podscope.exec.PodExec;
import dev.podscope.portforward.PodTunnels;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1TCPSocketAction;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a container's probe now, from the workstation, as the kubelet would judge it: httpGet and tcpSocket and grpc
 * through a temporary port-forward, exec through the exec API, each within the probe's timeoutSeconds. Blocking;
 * call it off the FX thread. Thread-safe.
 */
public final class ProbeRunner {
    private final Map<ApiClient, PodTunnels> tunnels = new ConcurrentHashMap<>();
    private final Map<ApiClient, PodExec> execs = new ConcurrentHashMap<>();

    /**
     * Runs {@code kind}'s probe of {@code container} (null: the pod's default container). ProbeException when the
     * container or probe does not exist, the pod has no IP yet, or the probe's handler is not one we know.
     */
    public ProbeResult run(ApiClient client, V1Pod pod, String container, ProbeKind kind) throws ProbeException {
        V1Container c = container(pod, container);
        V1Probe probe = kind.of(c);
        if (probe == null) {
            throw new ProbeException("Container " + c.getName() + " of pod " + name(pod) + " has no "
                    + kind.name().toLowerCase(java.util.Locale.ROOT) + " probe");
        }
        return run(client, pod, c, probe);
    }

    /** A GET of any path on any port (number or container port name) of the pod, with the kubelet's defaults. */
    public ProbeResult runAdHocHttp(ApiClient client, V1Pod pod, String port, String path) throws ProbeException {
        V1Probe probe = new V1Probe().httpGet(new V1HTTPGetAction().port(intOrString(port))
                .path(path == null || path.isEmpty() ? "/" : path)).timeoutSeconds(1);
        return run(client, pod, container(pod, null), probe);
    }

    /** A TCP connect to any port (number or container port name) of the pod. */
    public ProbeResult runAdHocTcp(ApiClient client, V1Pod pod, String port) throws ProbeException {
        V1Probe probe = new V1Probe().tcpSocket(new V1TCPSocketAction().port(intOrString(port))).timeoutSeconds(1);
        return run(client, pod, container(pod, null), probe);
    }

    /** Runs any probe definition against a container of the pod. */
    public ProbeResult run(ApiClient client, V1Pod pod, V1Container container, V1Probe probe) throws ProbeException {
        Duration timeout = Duration.ofSeconds(probe.getTimeoutSeconds() == null ? 1 : Math.max(1, probe.getTimeoutSeconds()));
        ProbeTarget target = new ProbeTarget(pod, container, timeout);
        if (probe.getHttpGet() != null) {
            V1HTTPGetAction http = probe.getHttpGet();
            return new HttpProbe(tunnels(client), target, port(pod, container, http.getPort()), http).run();
        }
        if (probe.getTcpSocket() != null) {
            return new TcpProbe(tunnels(client), target, port(pod, container, probe.getTcpSocket().getPort())).run();
        }
        if (probe.getGrpc() != null) {
            String service = probe.getGrpc().getService() == null ? "" : probe.getGrpc().getService();
            return new GrpcProbe(tunnels(client), target, probe.getGrpc().getPort(), service).run();
        }
        if (probe.getExec() != null && probe.getExec().getCommand() != null) {
            return new ExecProbe(execs.computeIfAbsent(client, PodExec::new), target, probe.getExec().getCommand()).run();
        }
        throw new ProbeException("The probe of container " + container.getName() + " has no handler we can run");
    }

    private PodTunnels tunnels(ApiClient client) {
        return tunnels.computeIfAbsent(client, PodTunnels::new);
    }

    /**
     * The container named {@code name} (an app container, or a sidecar: an init container with restartPolicy
     * Always, which may have probes), else with null the kubectl default container: the annotated one, else the first.
     */
    public static V1Container container(V1Pod pod, String name) throws ProbeException {
        List<V1Container> containers = new java.util.ArrayList<>(pod.getSpec().getContainers());
        if (pod.getSpec().getInitContainers() != null) {
            pod.getSpec().getInitContainers().stream().filter(c -> "Always".equals(c.getRestartPolicy()))
                    .forEach(containers::add);
        }
        if (name == null) {
            String preferred = pod.getMetadata().getAnnotations() == null ? null
                    : pod.getMetadata().getAnnotations().get("kubectl.kubernetes.io/default-container");
            Optional<V1Container> annotated = containers.stream().filter(c -> c.getName().equals(preferred)).findFirst();
            return annotated.orElse(containers.getFirst());
        }
        return containers.stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow(() ->
                new ProbeException("Pod " + name(pod) + " has no container " + name + " (it has "
                        + containers.stream().map(V1Container::getName).toList() + ")"));
    }

    /** A port number, or a name looked up in the container's ports as the kubelet does. */
    static int port(V1Pod pod, V1Container container, IntOrString port) throws ProbeException {
        if (port == null) {
            throw new ProbeException("The probe of container " + container.getName() + " names no port");
        }
        if (port.isInteger()) {
            return port.getIntValue();
        }
        String wanted = port.getStrValue();
        if (wanted.chars().allMatch(Character::isDigit) && !wanted.isEmpty()) {
            return Integer.parseInt(wanted);
        }
        for (V1ContainerPort p : container.getPorts() == null ? List.<V1ContainerPort>of() : container.getPorts()) {
            if (wanted.equals(p.getName())) {
                return p.getContainerPort();
            }
        }
        throw new ProbeException("Container " + container.getName() + " of pod " + name(pod)
                + " has no port named '" + wanted + "'");
    }

    private static IntOrString intOrString(String port) {
        return port.chars().allMatch(Character::isDigit) && !port.isEmpty()
                ? new IntOrString(Integer.parseInt(port)) : new IntOrString(port);
    }

    static String name(V1Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }
}
