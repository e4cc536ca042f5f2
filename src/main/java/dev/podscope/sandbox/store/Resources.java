package dev.podscope.sandbox.store;

import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1Endpoints;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;

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
    public static final ResourceType<V1StatefulSet> STATEFULSETS =
            new ResourceType<>("apps", "v1", "statefulsets", "statefulset", "StatefulSet", true, V1StatefulSet.class, List.of("sts"));
    public static final ResourceType<V1DaemonSet> DAEMONSETS =
            new ResourceType<>("apps", "v1", "daemonsets", "daemonset", "DaemonSet", true, V1DaemonSet.class, List.of("ds"));
    public static final ResourceType<V1Service> SERVICES =
            new ResourceType<>("", "v1", "services", "service", "Service", true, V1Service.class, List.of("svc"));
    public static final ResourceType<V1Endpoints> ENDPOINTS =
            new ResourceType<>("", "v1", "endpoints", "endpoints", "Endpoints", true, V1Endpoints.class, List.of("ep"));
    public static final ResourceType<V1EndpointSlice> ENDPOINT_SLICES =
            new ResourceType<>("discovery.k8s.io", "v1", "endpointslices", "endpointslice", "EndpointSlice", true,
                    V1EndpointSlice.class, List.of());
    public static final ResourceType<V1ConfigMap> CONFIG_MAPS =
            new ResourceType<>("", "v1", "configmaps", "configmap", "ConfigMap", true, V1ConfigMap.class, List.of("cm"));
    public static final ResourceType<V1Secret> SECRETS =
            new ResourceType<>("", "v1", "secrets", "secret", "Secret", true, V1Secret.class, List.of());

    private static final List<ResourceType<?>> ALL = List.of(NAMESPACES, NODES, PODS, EVENTS, DEPLOYMENTS,
            REPLICASETS, STATEFULSETS, DAEMONSETS, JOBS, SERVICES, ENDPOINTS, ENDPOINT_SLICES, CONFIG_MAPS, SECRETS);

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
