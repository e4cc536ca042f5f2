package dev.podscope.portforward;

import dev.podscope.logs.LogException;
import dev.podscope.logs.WorkloadPods;
import dev.podscope.session.ClusterErrors;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EndpointAddress;
import io.kubernetes.client.openapi.models.V1EndpointSubset;
import io.kubernetes.client.openapi.models.V1Endpoints;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link ForwardTarget} into a running pod and a port number, as kubectl port-forward does: a Service through
 * its ready endpoints (its port by number or name, a named targetPort through the pod's container ports), a
 * Deployment through its ready pods, a pod's named port through its container ports. Errors are
 * PortForwardExceptions for a user; 404 (target gone), 403 (forbidden) keep the API server's code.
 */
final class TargetResolver {
    /** A pod and port to open tunnels to; {@code owner} is the Deployment a pod target belongs to, or null. */
    record Resolved(String pod, int port, String owner) {
    }

    private TargetResolver() {
    }

    static Resolved resolve(ApiClient client, ForwardTarget target) throws PortForwardException {
        return switch (target.kind()) {
            case POD -> podTarget(client, target);
            case SERVICE -> serviceTarget(client, target);
            case DEPLOYMENT -> deploymentTarget(client, target);
        };
    }

    private static Resolved podTarget(ApiClient client, ForwardTarget target) throws PortForwardException {
        V1Pod pod = readPod(client, target.namespace(), target.name());
        requireRunning(pod);
        return new Resolved(target.name(), containerPort(pod, target.port()), owningDeployment(client, pod));
    }

    private static Resolved serviceTarget(ApiClient client, ForwardTarget target) throws PortForwardException {
        String what = "Service " + target.namespace() + "/" + target.name();
        V1Service service;
        V1Endpoints endpoints;
        try {
            CoreV1Api core = new CoreV1Api(client);
            service = core.readNamespacedService(target.name(), target.namespace()).execute();
            endpoints = core.readNamespacedEndpoints(target.name(), target.namespace()).execute();
        } catch (ApiException e) {
            throw refusal(what, e);
        }
        V1ServicePort servicePort = servicePort(service, target.port(), what);
        List<String> ready = new ArrayList<>();
        for (V1EndpointSubset subset : endpoints.getSubsets() == null ? List.<V1EndpointSubset>of() : endpoints.getSubsets()) {
            for (V1EndpointAddress address : subset.getAddresses() == null ? List.<V1EndpointAddress>of() : subset.getAddresses()) {
                if (address.getTargetRef() != null && "Pod".equals(address.getTargetRef().getKind())) {
                    ready.add(address.getTargetRef().getName());
                }
            }
        }
        if (ready.isEmpty()) {
            throw new PortForwardException(what + " has no ready pods behind it");
        }
        ready.sort(Comparator.naturalOrder());
        V1Pod pod = readPod(client, target.namespace(), ready.getFirst());
        requireRunning(pod);
        IntOrString targetPort = servicePort.getTargetPort();
        String podPort = targetPort == null ? Integer.toString(servicePort.getPort())
                : targetPort.isInteger() ? Integer.toString(targetPort.getIntValue()) : targetPort.getStrValue();
        return new Resolved(ready.getFirst(), containerPort(pod, podPort), null);
    }

    private static V1ServicePort servicePort(V1Service service, String port, String what) throws PortForwardException {
        List<V1ServicePort> ports = service.getSpec() == null || service.getSpec().getPorts() == null ? List.of()
                : service.getSpec().getPorts();
        int number = ForwardTarget.pod("x", "x", port).portNumber();
        for (V1ServicePort p : ports) {
            if (number >= 0 ? p.getPort() == number : port.equals(p.getName())) {
                return p;
            }
        }
        throw new PortForwardException(what + " does not have a service port " + (number >= 0 ? port : "named '" + port + "'")
                + " (it has " + ports.stream().map(p -> p.getName() == null ? "" + p.getPort() : p.getPort() + "/" + p.getName()).toList() + ")");
    }

    private static Resolved deploymentTarget(ApiClient client, ForwardTarget target) throws PortForwardException {
        String what = "Deployment " + target.namespace() + "/" + target.name();
        List<V1Pod> pods;
        try {
            pods = WorkloadPods.list(client, target.namespace(), "Deployment", target.name());
        } catch (LogException e) {
            throw new PortForwardException(e.getMessage(), e.getMessage().endsWith("not found") ? 404 : 0, e);
        }
        V1Pod pod = pods.stream().filter(TargetResolver::ready).max(Comparator.comparing(
                (V1Pod p) -> p.getMetadata().getCreationTimestamp())).orElseThrow(() ->
                new PortForwardException(what + " has no ready pod (" + pods.size() + " pods)"));
        return new Resolved(pod.getMetadata().getName(), containerPort(pod, target.port()), null);
    }

    /** A port number, or a container port's name resolved in the pod's containers (kubectl's rule). */
    static int containerPort(V1Pod pod, String port) throws PortForwardException {
        int number = ForwardTarget.pod("x", "x", port).portNumber();
        if (number >= 0) {
            if (number < 1 || number > 65535) {
                throw new PortForwardException("Port " + port + " is not a valid port number (1-65535)");
            }
            return number;
        }
        for (V1Container c : pod.getSpec().getContainers()) {
            for (V1ContainerPort p : c.getPorts() == null ? List.<V1ContainerPort>of() : c.getPorts()) {
                if (port.equals(p.getName())) {
                    return p.getContainerPort();
                }
            }
        }
        throw new PortForwardException("Pod " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName()
                + " does not expose a container port named '" + port + "'");
    }

    static boolean ready(V1Pod pod) {
        return running(pod) && pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static boolean running(V1Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null && pod.getStatus() != null
                && "Running".equals(pod.getStatus().getPhase());
    }

    private static void requireRunning(V1Pod pod) throws PortForwardException {
        if (!running(pod)) {
            String name = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
            String why = pod.getMetadata().getDeletionTimestamp() != null ? "it is terminating"
                    : "its phase is " + (pod.getStatus() == null ? "unknown" : pod.getStatus().getPhase());
            throw new PortForwardException("Pod " + name + " is not running (" + why + ")");
        }
    }

    private static V1Pod readPod(ApiClient client, String namespace, String name) throws PortForwardException {
        try {
            return new CoreV1Api(client).readNamespacedPod(name, namespace).execute();
        } catch (ApiException e) {
            throw refusal("Pod " + namespace + "/" + name, e);
        }
    }

    /** The Deployment behind a pod's ReplicaSet, so that a forward can follow the pod's replacement. */
    private static String owningDeployment(ApiClient client, V1Pod pod) {
        Optional<V1OwnerReference> rs = owner(pod.getMetadata().getOwnerReferences(), "ReplicaSet");
        if (rs.isEmpty()) {
            return null;
        }
        try {
            V1ReplicaSet set = new AppsV1Api(client).readNamespacedReplicaSet(rs.get().getName(),
                    pod.getMetadata().getNamespace()).execute();
            return owner(set.getMetadata().getOwnerReferences(), "Deployment").map(V1OwnerReference::getName).orElse(null);
        } catch (ApiException e) {
            return null; // following a replacement is a bonus; the forward works without it
        }
    }

    private static Optional<V1OwnerReference> owner(List<V1OwnerReference> owners, String kind) {
        return owners == null ? Optional.empty() : owners.stream()
                .filter(o -> kind.equals(o.getKind()) && Boolean.TRUE.equals(o.getController())).findFirst();
    }

    static PortForwardException refusal(String what, ApiException e) {
        String text = switch (e.getCode()) {
            case 404 -> what + " not found";
            case 403 -> "Forbidden to read " + what + ": " + ClusterErrors.statusMessage(e);
            case 401 -> "Unauthorized: the API server rejected the credentials reading " + what;
            case 0 -> "Cannot reach the API server to read " + what + ": " + e.getMessage();
            default -> "Cannot read " + what + ": the API server answered " + e.getCode() + " " + ClusterErrors.statusMessage(e);
        };
        return new PortForwardException(text, e.getCode(), e);
    }
}
