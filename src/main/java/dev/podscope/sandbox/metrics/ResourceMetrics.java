package dev.podscope.sandbox.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.openapi.models.V1APIGroup;
import io.kubernetes.client.openapi.models.V1APIResource;
import io.kubernetes.client.openapi.models.V1APIResourceList;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1GroupVersionForDiscovery;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1Pod;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The resource metrics API that metrics-server adds to a cluster ({@code metrics.k8s.io/v1beta1} PodMetrics and
 * NodeMetrics), computed from the pods and nodes it is given at the current 15-second bucket of the clock. As from
 * metrics-server, only Running pods have metrics, of their running containers (sidecars included) that have run a
 * whole window, and only Ready nodes.
 */
public final class ResourceMetrics implements MetricsSource {
    public static final String GROUP = "metrics.k8s.io";
    public static final String VERSION = "v1beta1";

    private final Clock clock;
    private final UsageModel model = new UsageModel();

    public ResourceMetrics(Clock clock) {
        this.clock = clock;
    }

    /** The group as {@code /apis} lists it. */
    public static V1APIGroup apiGroup() {
        V1GroupVersionForDiscovery version = new V1GroupVersionForDiscovery().groupVersion(GROUP + "/" + VERSION)
                .version(VERSION);
        return new V1APIGroup().kind("APIGroup").apiVersion("v1").name(GROUP).versions(List.of(version))
                .preferredVersion(version);
    }

    /** The resources as {@code /apis/metrics.k8s.io/v1beta1} lists them. */
    public static V1APIResourceList apiResources() {
        List<String> verbs = List.of("get", "list");
        return new V1APIResourceList().kind("APIResourceList").apiVersion("v1").groupVersion(GROUP + "/" + VERSION)
                .resources(List.of(
                        new V1APIResource().name("nodes").singularName("").namespaced(false).kind("NodeMetrics")
                                .verbs(verbs),
                        new V1APIResource().name("pods").singularName("").namespaced(true).kind("PodMetrics")
                                .verbs(verbs)));
    }

    /** A PodMetricsList of those {@code pods} that have metrics, in the order given. */
    @Override
    public byte[] podMetricsList(List<V1Pod> pods) {
        Instant now = clock.instant();
        Instant timestamp = bucket(now);
        return MetricsJson.list("PodMetricsList",
                pods.stream().map(p -> podMetrics(p, timestamp, now)).flatMap(Optional::stream).toList());
    }

    /** The PodMetrics of one pod, or empty when it has none (not Running, or no container has run a window). */
    @Override
    public Optional<byte[]> podMetrics(V1Pod pod) {
        Instant now = clock.instant();
        return podMetrics(pod, bucket(now), now).map(MetricsJson::bytes);
    }

    /** A NodeMetricsList of those {@code nodes} that have metrics; {@code pods} are the pods of the cluster. */
    @Override
    public byte[] nodeMetricsList(List<V1Node> nodes, List<V1Pod> pods) {
        Instant now = clock.instant();
        Instant timestamp = bucket(now);
        return MetricsJson.list("NodeMetricsList",
                nodes.stream().map(n -> nodeMetrics(n, pods, timestamp, now)).flatMap(Optional::stream).toList());
    }

    /** The NodeMetrics of one node, or empty when it is not Ready. */
    @Override
    public Optional<byte[]> nodeMetrics(V1Node node, List<V1Pod> pods) {
        Instant now = clock.instant();
        return nodeMetrics(node, pods, bucket(now), now).map(MetricsJson::bytes);
    }

    private Optional<ObjectNode> podMetrics(V1Pod pod, Instant timestamp, Instant now) {
        List<MetricsJson.ContainerUsage> containers = containerUsage(pod, timestamp);
        return containers.isEmpty() ? Optional.empty()
                : Optional.of(MetricsJson.podMetrics(pod.getMetadata(), timestamp, now, containers));
    }

    private Optional<ObjectNode> nodeMetrics(V1Node node, List<V1Pod> pods, Instant timestamp, Instant now) {
        if (!ready(node)) {
            return Optional.empty();
        }
        String name = node.getMetadata().getName();
        List<Usage> usage = pods.stream().filter(p -> name.equals(p.getSpec().getNodeName()))
                .flatMap(p -> containerUsage(p, timestamp).stream()).map(MetricsJson.ContainerUsage::usage).toList();
        return Optional.of(MetricsJson.nodeMetrics(node.getMetadata(), timestamp, now,
                model.node(node, usage, timestamp)));
    }

    private List<MetricsJson.ContainerUsage> containerUsage(V1Pod pod, Instant timestamp) {
        if (pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase())) {
            return List.of();
        }
        List<V1Container> sidecars = Objects.requireNonNullElse(pod.getSpec().getInitContainers(),
                List.<V1Container>of()).stream().filter(c -> "Always".equals(c.getRestartPolicy())).toList();
        List<MetricsJson.ContainerUsage> usage = new ArrayList<>();
        for (V1Container c : Stream.concat(pod.getSpec().getContainers().stream(), sidecars.stream()).toList()) {
            model.container(pod, c, status(pod, c.getName()), timestamp)
                    .ifPresent(u -> usage.add(new MetricsJson.ContainerUsage(c.getName(), u)));
        }
        return usage;
    }

    private static V1ContainerStatus status(V1Pod pod, String name) {
        return Stream.concat(Objects.requireNonNullElse(pod.getStatus().getContainerStatuses(),
                                List.<V1ContainerStatus>of()).stream(),
                        Objects.requireNonNullElse(pod.getStatus().getInitContainerStatuses(),
                                List.<V1ContainerStatus>of()).stream())
                .filter(cs -> name.equals(cs.getName())).findFirst().orElse(null);
    }

    private static boolean ready(V1Node node) {
        List<V1NodeCondition> conditions = node.getStatus() == null ? null : node.getStatus().getConditions();
        return conditions != null && conditions.stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** metrics-server scrapes every 15 seconds: the usage a request sees is that of the latest complete window. */
    private static Instant bucket(Instant now) {
        long window = UsageModel.WINDOW.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), window) * window);
    }
}
