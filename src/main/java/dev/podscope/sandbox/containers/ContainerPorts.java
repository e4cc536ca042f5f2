package dev.podscope.sandbox.containers;

import dev.podscope.sandbox.sim.Behavior;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What listens on a pod's ports: each declared container port of a running container, by the port's name:
 * {@code http} and {@code metrics} an HTTP server ({@link WebApp}), {@code echo} a TCP echo, {@code bulk} a byte
 * source for benchmarks ({@link BulkServer}), {@code grpc} the gRPC health service; any other declared port accepts
 * connections and stays silent. Undeclared ports refuse, with the message containerd gives the kubelet.
 */
public final class ContainerPorts {
    private ContainerPorts() {
    }

    /** The server behind {@code port} of {@code pod}, or empty when nothing listens there. */
    public static Optional<ContainerServer> server(V1Pod pod, int port) {
        List<V1Container> containers = pod.getSpec().getContainers();
        for (int i = 0; i < containers.size(); i++) {
            V1Container c = containers.get(i);
            if (c.getPorts() == null || !running(pod, c.getName())) {
                continue;
            }
            for (V1ContainerPort p : c.getPorts()) {
                if (p.getContainerPort() != null && p.getContainerPort() == port
                        && !"UDP".equals(p.getProtocol())) {
                    return Optional.of(serverFor(pod, c, i == 0, p.getName()));
                }
            }
        }
        return Optional.empty();
    }

    /** The kubelet's words when nothing listens on {@code port} (containerd's message, as a real cluster has it). */
    public static String refusal(V1Pod pod, int port) {
        String sandbox = sandboxId(pod);
        return "error forwarding port " + port + " to pod " + sandbox + ", uid : failed to execute portforward in "
                + "network namespace \"/var/run/netns/cni-" + sandbox.substring(0, 8) + "-" + sandbox.substring(8, 12)
                + "-" + sandbox.substring(12, 16) + "-" + sandbox.substring(16, 20) + "-" + sandbox.substring(20, 32)
                + "\": failed to connect to localhost:" + port + " inside namespace \"" + sandbox + "\", IPv4: dial "
                + "tcp4 127.0.0.1:" + port + ": connect: connection refused IPv6 dial tcp6 [::1]:" + port
                + ": connect: connection refused ";
    }

    /** The pod sandbox's id as containerd would show it: stable per pod. */
    static String sandboxId(V1Pod pod) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    String.valueOf(pod.getMetadata().getUid()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code container} of {@code pod} is running now. */
    public static boolean running(V1Pod pod, String container) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return false;
        }
        for (V1ContainerStatus status : pod.getStatus().getContainerStatuses()) {
            if (status.getName().equals(container)) {
                return status.getState() != null && status.getState().getRunning() != null;
            }
        }
        return false;
    }

    private static ContainerServer serverFor(V1Pod pod, V1Container container, boolean main, String portName) {
        boolean healthy = !(main && Behavior.of(pod) == Behavior.NOT_READY);
        String name = portName == null ? "" : portName;
        return switch (name) {
            case "http", "metrics", "http-metrics", "web" -> new HttpServer(webApp(pod, container, healthy));
            case "echo" -> new EchoServer();
            case "bulk" -> new BulkServer();
            case "grpc" -> new GrpcHealthServer(healthy);
            default -> (in, out) -> in.transferTo(OutputStream.nullOutputStream());
        };
    }

    private static WebApp webApp(V1Pod pod, V1Container container, boolean healthy) {
        Instant started = pod.getStatus().getStartTime() == null ? Instant.now()
                : pod.getStatus().getStartTime().toInstant();
        return new WebApp(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), container.getName(),
                container.getImage() == null ? "app" : container.getImage(), healthy, started);
    }
}
