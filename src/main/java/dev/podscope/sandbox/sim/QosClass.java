package dev.podscope.sandbox.sim;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The pod's quality-of-service class and its resource requests, computed as the API server and scheduler do. */
final class QosClass {
    private static final List<String> COMPUTE = List.of("cpu", "memory");

    private QosClass() {
    }

    static String of(V1Pod pod) {
        List<V1Container> all = Stream.concat(PodStatuses.initContainers(pod).stream(),
                pod.getSpec().getContainers().stream()).toList();
        boolean any = false;
        boolean guaranteed = true;
        for (V1Container c : all) {
            V1ResourceRequirements r = c.getResources();
            Map<String, Quantity> requests = r == null || r.getRequests() == null ? Map.of() : r.getRequests();
            Map<String, Quantity> limits = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
            for (String resource : COMPUTE) {
                Quantity request = requests.get(resource);
                Quantity limit = limits.get(resource);
                any |= request != null || limit != null;
                if (limit == null || (request != null && request.getNumber().compareTo(limit.getNumber()) != 0)) {
                    guaranteed = false;
                }
            }
        }
        if (!any) {
            return "BestEffort";
        }
        return guaranteed ? "Guaranteed" : "Burstable";
    }

    /** What the scheduler reserves: the sum over app containers and sidecars, or the largest init container. */
    static BigDecimal request(V1Pod pod, String resource) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal largestInit = BigDecimal.ZERO;
        for (V1Container c : PodStatuses.initContainers(pod)) {
            if (PodStatuses.isSidecar(c)) {
                sum = sum.add(request(c, resource));
            } else {
                largestInit = largestInit.max(request(c, resource));
            }
        }
        for (V1Container c : pod.getSpec().getContainers()) {
            sum = sum.add(request(c, resource));
        }
        return sum.max(largestInit);
    }

    private static BigDecimal request(V1Container c, String resource) {
        V1ResourceRequirements r = c.getResources();
        if (r == null) {
            return BigDecimal.ZERO;
        }
        Quantity q = r.getRequests() != null ? r.getRequests().get(resource) : null;
        if (q == null && r.getLimits() != null) {
            q = r.getLimits().get(resource);
        }
        return q == null ? BigDecimal.ZERO : q.getNumber();
    }
}
