package dev.podscope.sandbox.sim;

import io.kubernetes.client.openapi.models.CoreV1EndpointPort;
import io.kubernetes.client.openapi.models.DiscoveryV1EndpointPort;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EndpointAddress;
import io.kubernetes.client.openapi.models.V1EndpointConditions;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1EndpointSubset;
import io.kubernetes.client.openapi.models.V1Endpoints;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the endpoints controllers write for one Service and its matching pods: pure, from the objects alone. */
record ServiceEndpoints(V1Endpoints endpoints, V1EndpointSlice slice) {

    static ServiceEndpoints of(V1Service service, List<V1Pod> pods, OffsetDateTime now) {
        String namespace = service.getMetadata().getNamespace();
        String name = service.getMetadata().getName();
        List<V1Pod> withIp = pods.stream().filter(p -> p.getStatus() != null && p.getStatus().getPodIP() != null)
                .sorted(Comparator.comparing((V1Pod p) -> p.getStatus().getPodIP())).toList();
        List<V1ServicePort> servicePorts = service.getSpec().getPorts() == null ? List.of()
                : service.getSpec().getPorts();

        List<V1EndpointAddress> ready = new ArrayList<>();
        List<V1EndpointAddress> notReady = new ArrayList<>();
        List<io.kubernetes.client.openapi.models.V1Endpoint> sliceEndpoints = new ArrayList<>();
        for (V1Pod pod : withIp) {
            boolean isReady = ready(pod);
            boolean terminating = pod.getMetadata().getDeletionTimestamp() != null;
            V1ObjectReference ref = new V1ObjectReference().kind("Pod").namespace(namespace)
                    .name(pod.getMetadata().getName()).uid(pod.getMetadata().getUid());
            V1EndpointAddress address = new V1EndpointAddress().ip(pod.getStatus().getPodIP())
                    .nodeName(pod.getSpec().getNodeName()).targetRef(ref);
            (isReady && !terminating ? ready : notReady).add(address);
            sliceEndpoints.add(new io.kubernetes.client.openapi.models.V1Endpoint()
                    .addresses(List.of(pod.getStatus().getPodIP()))
                    .conditions(new V1EndpointConditions().ready(isReady && !terminating).serving(isReady)
                            .terminating(terminating))
                    .nodeName(pod.getSpec().getNodeName()).targetRef(ref));
        }
        V1Pod sample = withIp.isEmpty() ? null : withIp.getFirst();
        List<CoreV1EndpointPort> endpointPorts = new ArrayList<>();
        List<DiscoveryV1EndpointPort> slicePorts = new ArrayList<>();
        for (V1ServicePort port : servicePorts) {
            Integer target = sample == null ? null : targetPort(port, sample);
            if (target != null) {
                endpointPorts.add(new CoreV1EndpointPort().name(port.getName()).port(target).protocol("TCP"));
                slicePorts.add(new DiscoveryV1EndpointPort().name(port.getName()).port(target).protocol("TCP"));
            }
        }

        List<V1EndpointSubset> subsets = withIp.isEmpty() || endpointPorts.isEmpty() ? null
                : List.of(new V1EndpointSubset().addresses(ready.isEmpty() ? null : ready)
                .notReadyAddresses(notReady.isEmpty() ? null : notReady).ports(endpointPorts));
        Map<String, String> labels = new LinkedHashMap<>(service.getMetadata().getLabels() == null ? Map.of()
                : service.getMetadata().getLabels());
        V1Endpoints endpoints = new V1Endpoints().apiVersion("v1").kind("Endpoints")
                .metadata(new V1ObjectMeta().namespace(namespace).name(name).labels(labels)
                        .uid(uid("endpoints", service)).creationTimestamp(now)
                        .annotations(Map.of("endpoints.kubernetes.io/last-change-trigger-time", now.toString())))
                .subsets(subsets);

        Map<String, String> sliceLabels = new LinkedHashMap<>(labels);
        sliceLabels.put("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io");
        sliceLabels.put("kubernetes.io/service-name", name);
        V1EndpointSlice slice = new V1EndpointSlice().apiVersion("discovery.k8s.io/v1").kind("EndpointSlice")
                .metadata(new V1ObjectMeta().namespace(namespace).name(sliceName(service)).labels(sliceLabels)
                        .uid(uid("endpointslice", service)).creationTimestamp(now)
                        .generateName(name + "-")
                        .ownerReferences(List.of(new V1OwnerReference().apiVersion("v1").kind("Service").name(name)
                                .uid(service.getMetadata().getUid()).controller(true).blockOwnerDeletion(true))))
                .addressType("IPv4").endpoints(sliceEndpoints).ports(slicePorts);
        return new ServiceEndpoints(endpoints, slice);
    }

    /** A numeric target port stays; a named one is looked up among the pod's container ports. */
    static Integer targetPort(V1ServicePort port, V1Pod pod) {
        if (port.getTargetPort() == null) {
            return port.getPort();
        }
        if (port.getTargetPort().isInteger()) {
            return port.getTargetPort().getIntValue();
        }
        String wanted = port.getTargetPort().getStrValue();
        for (V1Container c : pod.getSpec().getContainers()) {
            for (V1ContainerPort p : c.getPorts() == null ? List.<V1ContainerPort>of() : c.getPorts()) {
                if (wanted.equals(p.getName())) {
                    return p.getContainerPort();
                }
            }
        }
        return null;
    }

    private static boolean ready(V1Pod pod) {
        if (pod.getStatus().getConditions() == null) {
            return false;
        }
        for (V1PodCondition c : pod.getStatus().getConditions()) {
            if ("Ready".equals(c.getType())) {
                return "True".equals(c.getStatus());
            }
        }
        return false;
    }

    /** The slice's generated name: the Service name and five characters that stay the same for the Service. */
    private static String sliceName(V1Service service) {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        long h = service.getMetadata().getUid() == null ? service.getMetadata().getName().hashCode()
                : service.getMetadata().getUid().hashCode();
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(alphabet.charAt((int) Math.floorMod(h >> (i * 5), alphabet.length())));
        }
        return service.getMetadata().getName() + "-" + suffix;
    }

    private static String uid(String kind, V1Service service) {
        return UUID.nameUUIDFromBytes((kind + "/" + service.getMetadata().getUid())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
