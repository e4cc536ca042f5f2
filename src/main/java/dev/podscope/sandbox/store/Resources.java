package dev.podscope.sandbox.store;

import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ReplicaSet;

import java.util.List;
import java.util.Optional;

/** The resource types the sandbox knows. */
public final class Resources {
    public static final ResourceType<V1Namespace> NAMESPACES =
            new ResourceType<>("", "v1", "namespaces", "namespace", "Namespace", false, V1Namespace.class, List.of("ns"));
    public static final ResourceType<V1Node> NODES =
            new ResourceType<>("", "v1", "nodes", "node", "Node", false, V1Node.class, List.of("no"));
    public static final ResourceType<V1Pod> PODS =
            new ResourceType<>("", "v1", "pods", "pod", "Pod", true, V1Pod.class, List.of("po"));
    public static final ResourceType<CoreV1Event> EVENTS =
            new ResourceType<>("", "v1", "events", "event", "Event", true, CoreV1Event.class, List.of("ev"));
    public static final ResourceType<V1Deployment> DEPLOYMENTS =
            new ResourceType<>("apps", "v1", "deployments", "deployment", "Deployment", true, V1Deployment.class, List.of("deploy"));
    public static final ResourceType<V1ReplicaSet> REPLICASETS =
            new ResourceType<>("apps", "v1", "replicasets", "replicaset", "ReplicaSet", true, V1ReplicaSet.class, List.of("rs"));
    public static final ResourceType<V1Job> JOBS =
            new ResourceType<>("batch", "v1", "jobs", "job", "Job", true, V1Job.class, List.of());

    private static final List<ResourceType<?>> ALL =
            List.of(NAMESPACES, NODES, PODS, EVENTS, DEPLOYMENTS, REPLICASETS, JOBS);

    private Resources() {
    }

    public static List<ResourceType<?>> all() {
        return ALL;
    }

    public static Optional<ResourceType<?>> find(String group, String version, String plural) {
        return ALL.stream()
                .filter(r -> r.group().equals(group) && r.version().equals(version) && r.plural().equals(plural))
                .findFirst();
    }
}
