package dev.podscope.sandbox.sim;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1DaemonEndpoint;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeAddress;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1NodeDaemonEndpoints;
import io.kubernetes.client.openapi.models.V1NodeSpec;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1NodeSystemInfo;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Node objects as a kind cluster's kubelets register them. */
final class NodeFactory {
    static final String KUBELET_VERSION = "v1.32.2";

    private NodeFactory() {
    }

    static V1Node node(NodeSpec spec, Naming naming, OffsetDateTime created, OffsetDateTime now, int podCapacity) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("beta.kubernetes.io/arch", "amd64");
        labels.put("beta.kubernetes.io/os", "linux");
        labels.put("kubernetes.io/arch", "amd64");
        labels.put("kubernetes.io/hostname", spec.name());
        labels.put("kubernetes.io/os", "linux");
        if (spec.controlPlane()) {
            labels.put("node-role.kubernetes.io/control-plane", "");
            labels.put("node.kubernetes.io/exclude-from-external-load-balancers", "");
        }
        V1ObjectMeta meta = new V1ObjectMeta().name(spec.name()).uid(naming.uid()).creationTimestamp(created)
                .labels(labels)
                .annotations(Map.of(
                        "kubeadm.alpha.kubernetes.io/cri-socket", "unix:///run/containerd/containerd.sock",
                        "node.alpha.kubernetes.io/ttl", "0",
                        "volumes.kubernetes.io/controller-managed-attach-detach", "true"));
        String cidr = "10.244." + spec.index() + ".0/24";
        V1NodeSpec nodeSpec = new V1NodeSpec().podCIDR(cidr).podCIDRs(List.of(cidr))
                .providerID("kind://podman/sandbox/" + spec.name());
        Map<String, Quantity> resources = new LinkedHashMap<>();
        resources.put("cpu", Quantity.fromString(Long.toString(spec.cpuMillis() / 1000)));
        resources.put("ephemeral-storage", Quantity.fromString("102626232Ki"));
        resources.put("hugepages-1Gi", Quantity.fromString("0"));
        resources.put("hugepages-2Mi", Quantity.fromString("0"));
        resources.put("memory", Quantity.fromString(spec.memory()));
        resources.put("pods", Quantity.fromString(Integer.toString(podCapacity)));
        OffsetDateTime ready = created.plusSeconds(naming.between(20, 40));
        V1NodeStatus status = new V1NodeStatus()
                .addresses(List.of(new V1NodeAddress().type("InternalIP").address(spec.internalIp()),
                        new V1NodeAddress().type("Hostname").address(spec.name())))
                .capacity(resources).allocatable(new LinkedHashMap<>(resources))
                .conditions(List.of(
                        condition("MemoryPressure", "False", "KubeletHasSufficientMemory",
                                "kubelet has sufficient memory available", created, now),
                        condition("DiskPressure", "False", "KubeletHasNoDiskPressure",
                                "kubelet has no disk pressure", created, now),
                        condition("PIDPressure", "False", "KubeletHasSufficientPID",
                                "kubelet has sufficient PID available", created, now),
                        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", ready, now)))
                .daemonEndpoints(new V1NodeDaemonEndpoints().kubeletEndpoint(new V1DaemonEndpoint().port(10250)))
                .nodeInfo(new V1NodeSystemInfo()
                        .architecture("amd64").operatingSystem("linux")
                        .bootID(naming.uid()).machineID(naming.hex(32)).systemUUID(naming.uid())
                        .containerRuntimeVersion("containerd://1.7.24")
                        .kernelVersion("6.8.0-51-generic")
                        .kubeProxyVersion(KUBELET_VERSION).kubeletVersion(KUBELET_VERSION)
                        .osImage("Debian GNU/Linux 12 (bookworm)"));
        return new V1Node().apiVersion("v1").kind("Node").metadata(meta).spec(nodeSpec).status(status);
    }

    private static V1NodeCondition condition(String type, String status, String reason, String message,
                                             OffsetDateTime transition, OffsetDateTime heartbeat) {
        return new V1NodeCondition().type(type).status(status).reason(reason).message(message)
                .lastTransitionTime(transition).lastHeartbeatTime(heartbeat);
    }
}
