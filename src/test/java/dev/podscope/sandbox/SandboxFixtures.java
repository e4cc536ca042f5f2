package dev.podscope.sandbox;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NamespaceStatus;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Small realistic cluster contents for sandbox tests, written straight into a store. */
public final class SandboxFixtures {
    private SandboxFixtures() {
    }

    /** A store with namespaces default and shop, nodes node-1 and node-2, and no pods. */
    public static ClusterStore emptyCluster(int historyLimit) {
        ClusterStore store = new ClusterStore(Clock.systemUTC(), historyLimit, 42);
        for (String name : List.of("default", "kube-system", "shop")) {
            store.create(Resources.NAMESPACES, new V1Namespace().metadata(new V1ObjectMeta().name(name)
                    .labels(Map.of("kubernetes.io/metadata.name", name)))
                    .status(new V1NamespaceStatus().phase("Active")));
        }
        for (String name : List.of("node-1", "node-2")) {
            store.create(Resources.NODES, new V1Node().metadata(new V1ObjectMeta().name(name)
                            .labels(Map.of("kubernetes.io/hostname", name)))
                    .status(new V1NodeStatus().conditions(List.of(
                            new V1NodeCondition().type("Ready").status("True").reason("KubeletReady")))));
        }
        return store;
    }

    /** A running, ready pod with one container on {@code node}. */
    public static V1Pod runningPod(String namespace, String name, String node, Map<String, String> labels) {
        OffsetDateTime started = OffsetDateTime.now().minusMinutes(5).withNano(0);
        return new V1Pod()
                .metadata(new V1ObjectMeta().namespace(namespace).name(name).labels(labels))
                .spec(new V1PodSpec().nodeName(node).restartPolicy("Always").terminationGracePeriodSeconds(30L)
                        .containers(List.of(new V1Container().name("app").image("nginx:1.27"))))
                .status(new V1PodStatus().phase("Running").qosClass("BestEffort").startTime(started)
                        .podIP("10.244.0." + (Math.abs(name.hashCode()) % 250 + 2))
                        .podIPs(List.of(new V1PodIP().ip("10.244.0." + (Math.abs(name.hashCode()) % 250 + 2))))
                        .hostIP("192.168.49.2")
                        .conditions(List.of(
                                new V1PodCondition().type("PodScheduled").status("True"),
                                new V1PodCondition().type("Initialized").status("True"),
                                new V1PodCondition().type("ContainersReady").status("True"),
                                new V1PodCondition().type("Ready").status("True")))
                        .containerStatuses(List.of(new V1ContainerStatus().name("app").image("nginx:1.27")
                                .imageID("docker.io/library/nginx@sha256:0a1b").ready(true).started(true)
                                .restartCount(0).state(new V1ContainerState()
                                        .running(new V1ContainerStateRunning().startedAt(started))))));
    }

    /** A Normal event about a pod, as a kubelet would record it. */
    public static CoreV1Event podEvent(V1Pod pod, String name, String reason, String message) {
        OffsetDateTime now = OffsetDateTime.now().withNano(0);
        return new CoreV1Event()
                .metadata(new V1ObjectMeta().namespace(pod.getMetadata().getNamespace()).name(name))
                .involvedObject(new V1ObjectReference().kind("Pod").apiVersion("v1")
                        .namespace(pod.getMetadata().getNamespace()).name(pod.getMetadata().getName())
                        .uid(pod.getMetadata().getUid()))
                .reason(reason).message(message).type("Normal").count(1)
                .firstTimestamp(now).lastTimestamp(now)
                .source(new V1EventSource().component("kubelet").host(pod.getSpec().getNodeName()));
    }
}
