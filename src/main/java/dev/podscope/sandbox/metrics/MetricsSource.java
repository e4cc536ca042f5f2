package dev.podscope.sandbox.metrics;

import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;

import java.util.List;
import java.util.Optional;

/**
 * What the {@code metrics.k8s.io} API answers with: usage computed for a live sandbox ({@link ResourceMetrics}) or the
 * snapshot a bundle recorded ({@link RecordedMetrics}). Documents are metrics.k8s.io/v1beta1 JSON.
 */
public interface MetricsSource {
    /** A PodMetricsList of those {@code pods} that have metrics, in the order given. */
    byte[] podMetricsList(List<V1Pod> pods);

    /** The PodMetrics of one pod, or empty when it has none. */
    Optional<byte[]> podMetrics(V1Pod pod);

    /** A NodeMetricsList of those {@code nodes} that have metrics; {@code pods} are the pods of the cluster. */
    byte[] nodeMetricsList(List<V1Node> nodes, List<V1Pod> pods);

    /** The NodeMetrics of one node, or empty when it has none. */
    Optional<byte[]> nodeMetrics(V1Node node, List<V1Pod> pods);
}
