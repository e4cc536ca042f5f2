package dev.podscope.metrics;

import dev.podscope.format.Quantities;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A container's CPU (millicores) and memory (MiB) requests and limits from the pod spec; null where unset. As the
 * API server defaults them, a limit without a request is also the request.
 */
public record ContainerLimits(String container, boolean sidecar, Double cpuRequest, Double cpuLimit,
                              Double memoryRequest, Double memoryLimit) {

    /** The containers that can have metrics, in spec order: native sidecars (restartPolicy Always), then the app's. */
    public static List<ContainerLimits> of(V1Pod pod) {
        List<ContainerLimits> all = new ArrayList<>();
        if (pod.getSpec() == null) {
            return all;
        }
        if (pod.getSpec().getInitContainers() != null) {
            pod.getSpec().getInitContainers().stream().filter(c -> "Always".equals(c.getRestartPolicy()))
                    .forEach(c -> all.add(of(c, true)));
        }
        if (pod.getSpec().getContainers() != null) {
            pod.getSpec().getContainers().forEach(c -> all.add(of(c, false)));
        }
        return all;
    }

    private static ContainerLimits of(V1Container c, boolean sidecar) {
        V1ResourceRequirements r = c.getResources();
        Map<String, Quantity> limits = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
        Map<String, Quantity> requests = r == null || r.getRequests() == null ? Map.of() : r.getRequests();
        Double cpuLimit = millicores(limits.get("cpu"));
        Double memoryLimit = mebibytes(limits.get("memory"));
        Double cpuRequest = millicores(requests.get("cpu"));
        Double memoryRequest = mebibytes(requests.get("memory"));
        return new ContainerLimits(c.getName(), sidecar, cpuRequest != null ? cpuRequest : cpuLimit, cpuLimit,
                memoryRequest != null ? memoryRequest : memoryLimit, memoryLimit);
    }

    private static Double millicores(Quantity q) {
        return q == null ? null : q.getNumber().doubleValue() * 1000;
    }

    private static Double mebibytes(Quantity q) {
        return q == null ? null : q.getNumber().doubleValue() / Quantities.MIB;
    }
}
