package dev.podscope.sandbox.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three nodes of the sandbox cluster and what their kubelets remember: the next free pod IP of each node's
 * pod CIDR and the images already pulled.
 */
final class SimNodes {
    static final List<NodeSpec> ALL = List.of(
            new NodeSpec(NodeSpec.CONTROL_PLANE, "10.89.0.2", 0, true, 4000, "8147120Ki"),
            new NodeSpec(NodeSpec.WORKER_1, "10.89.0.3", 1, false, 8000, "16318412Ki"),
            new NodeSpec(NodeSpec.WORKER_2, "10.89.0.4", 2, false, 8000, "16318412Ki"));

    private final Map<String, Integer> allocatedIps = new HashMap<>();
    private final Map<String, Set<String>> pulledImages = new HashMap<>();

    static NodeSpec get(String name) {
        return ALL.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated node named " + name));
    }

    static List<NodeSpec> workers() {
        return ALL.stream().filter(n -> !n.controlPlane()).toList();
    }

    /**
     * The next pod IP of a node. Node i owns 10.244.i.0/24 as in kind (.1 is the bridge); past 253 pods the node
     * continues in 10.244.(i+3).0/24 and so on, so that large clusters never hand out an address twice.
     */
    synchronized String nextPodIp(String node) {
        NodeSpec spec = get(node);
        int n = allocatedIps.merge(node, 1, Integer::sum) - 1;
        int block = spec.index() + ALL.size() * (n / 253);
        return "10.244." + block + "." + (n % 253 + 2);
    }

    synchronized boolean hasImage(String node, String image) {
        return pulledImages.getOrDefault(node, Set.of()).contains(Images.normalize(image));
    }

    synchronized void rememberImage(String node, String image) {
        pulledImages.computeIfAbsent(node, n -> new HashSet<>()).add(Images.normalize(image));
    }
}
