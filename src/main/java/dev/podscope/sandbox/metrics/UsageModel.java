package dev.podscope.sandbox.metrics;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Simulated usage, a pure function of (pod uid, container, 15-second bucket) and the workload's requests, limits and
 * {@link UsageShape}: a level between 15 % and 70 % of the CPU request, memory around half the memory request,
 * never above a limit. A container whose last run was OOM-killed grows toward its memory limit again, faster.
 * Nodes add their system daemons' share to their pods'.
 */
final class UsageModel {
    static final Duration WINDOW = Duration.ofSeconds(15);
    private static final double MIB = 1024 * 1024;
    private static final long PAGE = 4096;
    private static final List<String> WORKLOAD_LABELS = List.of("app", "app.kubernetes.io/name", "k8s-app", "component");

    /** A running container's usage in the window ending at {@code timestamp}; empty before it has run a window. */
    Optional<Usage> container(V1Pod pod, V1Container spec, V1ContainerStatus status, Instant timestamp) {
        if (status == null || status.getState() == null || status.getState().getRunning() == null) {
            return Optional.empty();
        }
        var startedAt = status.getState().getRunning().getStartedAt();
        Instant started = startedAt == null ? Instant.EPOCH : startedAt.toInstant();
        if (started.plus(WINDOW).isAfter(timestamp)) {
            return Optional.empty();
        }
        long workload = Seeds.of(pod.getMetadata().getNamespace() + "/" + workload(pod) + "/" + spec.getName());
        long container = Seeds.of(pod.getMetadata().getUid() + "/" + spec.getName());
        long bucket = timestamp.getEpochSecond() / WINDOW.toSeconds();
        boolean oomKilledBefore = oomKilled(status);
        UsageShape shape = oomKilledBefore ? UsageShape.GROWING : UsageShape.of(workload);
        return Optional.of(new Usage(cpu(spec, shape, workload, container, bucket),
                memory(spec, shape, workload, container, bucket, Duration.between(started, timestamp),
                        oomKilledBefore)));
    }

    /** A node's usage: its pods' plus the kubelet's, the runtime's and the system's. */
    Usage node(V1Node node, List<Usage> pods, Instant timestamp) {
        long name = Seeds.of(node.getMetadata().getName());
        long bucket = timestamp.getEpochSecond() / WINDOW.toSeconds();
        double cpuCapacity = capacity(node, "cpu", 4);
        double memoryCapacity = capacity(node, "memory", 8 * 1024 * MIB);
        double systemCpu = cpuCapacity * (0.02 + 0.03 * Seeds.unit(name, bucket));
        double systemMemory = (600 + 150 * Seeds.unit(name)) * MIB + 8 * MIB * pods.size();
        Usage total = pods.stream().reduce(Usage.NONE, Usage::plus);
        return new Usage(Math.round(Math.min(cpuCapacity, total.nanoCores() / 1e9 + systemCpu) * 1e9),
                pages(Math.min(memoryCapacity, total.bytes() + systemMemory)));
    }

    private static long cpu(V1Container spec, UsageShape shape, long workload, long container, long bucket) {
        double request = amount(spec, "cpu", true).orElse(0.010 + 0.040 * Seeds.unit(workload, 1));
        double cores = request * (0.15 + 0.55 * Seeds.unit(workload, 2)) * (0.85 + 0.3 * Seeds.unit(container, 3))
                * (0.88 + 0.24 * Seeds.unit(container, bucket, 4));
        if (shape == UsageShape.SPIKY && Seeds.unit(container, bucket, 5) < 0.12) {
            cores *= 2.5 + 3.5 * Seeds.unit(container, bucket, 6);
        }
        double limit = amount(spec, "cpu", false).orElse(Double.MAX_VALUE);
        return Math.max(1000, Math.round(Math.min(cores, limit * 0.98) * 1e9));
    }

    /**
     * @param leaking the container was OOM-killed before: it leaks again, toward the limit within about half an
     *                hour to two hours of its restart, as the run that was killed did
     */
    private static long memory(V1Container spec, UsageShape shape, long workload, long container, long bucket,
                               Duration running, boolean leaking) {
        double limit = amount(spec, "memory", false).orElse(0.0);
        double request = amount(spec, "memory", true).orElse((32 + 128 * Seeds.unit(workload, 7)) * MIB);
        double base = request * (0.45 + 0.4 * Seeds.unit(workload, 8)) * (0.9 + 0.2 * Seeds.unit(container, 9));
        double bytes = switch (shape) {
            case STEADY -> base * (0.98 + 0.04 * Seeds.unit(container, bucket, 10));
            case SPIKY -> base * (1 + 0.1 * Seeds.unit(container, bucket, 11));
            case GROWING -> {
                double target = Math.max(base, limit > 0 ? limit * (leaking ? 0.99 : 0.93) : request * 2.2);
                double hours = leaking ? 0.5 + 1.5 * Seeds.unit(workload, 14) : 2 + 34 * Seeds.unit(workload, 12);
                double grown = 1 - Math.exp(-running.toSeconds() / (hours * 3600));
                yield (base + (target - base) * grown) * (0.995 + 0.01 * Seeds.unit(container, bucket, 13));
            }
        };
        return pages(limit > 0 ? Math.min(bytes, limit * 0.97) : bytes);
    }

    private static boolean oomKilled(V1ContainerStatus status) {
        var last = status.getLastState() == null ? null : status.getLastState().getTerminated();
        return last != null && "OOMKilled".equals(last.getReason());
    }

    /** A request (or, failing that, a limit) or a limit, in cores or bytes. */
    private static Optional<Double> amount(V1Container spec, String resource, boolean request) {
        V1ResourceRequirements r = spec.getResources();
        if (r == null) {
            return Optional.empty();
        }
        Map<String, Quantity> limits = r.getLimits() == null ? Map.of() : r.getLimits();
        Map<String, Quantity> requests = r.getRequests() == null ? Map.of() : r.getRequests();
        Quantity q = request ? requests.getOrDefault(resource, limits.get(resource)) : limits.get(resource);
        return Optional.ofNullable(q).map(v -> v.getNumber().doubleValue());
    }

    private static double capacity(V1Node node, String resource, double fallback) {
        Map<String, Quantity> capacity = node.getStatus() == null ? null : node.getStatus().getCapacity();
        Quantity q = capacity == null ? null : capacity.get(resource);
        return q == null ? fallback : q.getNumber().doubleValue();
    }

    /** The working set is whole memory pages, so its canonical quantity is in Ki, Mi or Gi as metrics-server's is. */
    private static long pages(double bytes) {
        return Math.max(PAGE, (long) (bytes / PAGE) * PAGE);
    }

    /** What replicas share: an app label, else the owner's name, else the pod's own name. */
    private static String workload(V1Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
        for (String key : WORKLOAD_LABELS) {
            if (labels.containsKey(key)) {
                return labels.get(key);
            }
        }
        List<V1OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        return owners == null || owners.isEmpty() ? pod.getMetadata().getName() : owners.getFirst().getName();
    }
}
