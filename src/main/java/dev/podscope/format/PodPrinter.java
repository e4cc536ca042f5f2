package dev.podscope.format;

import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Instant;
import java.util.List;

/**
 * Server-side printing of pods. Cells: Name, Ready, Status, Restarts, Age, IP, Node, Nominated Node,
 * Readiness Gates, all strings (Restarts is {@code "5"} or {@code "5 (3m ago)"}, typed string like upstream).
 */
public final class PodPrinter implements ResourcePrinter<V1Pod> {

    public static final List<ColumnDefinition> COLUMNS = List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.string("Ready", "The aggregate readiness state of this pod for accepting traffic."),
            ColumnDefinition.string("Status", "The aggregate status of the containers in this pod."),
            ColumnDefinition.string("Restarts", "The number of times the containers in this pod have been restarted "
                    + "and when the last container in this pod has restarted."),
            ColumnDefinition.ageColumn(),
            ColumnDefinition.wideString("IP", "podIP address allocated to the pod. Routable at least within the "
                    + "cluster. Empty if not yet allocated."),
            ColumnDefinition.wideString("Node", "NodeName indicates in which node this pod is scheduled. If empty, "
                    + "this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this "
                    + "field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. "
                    + "This field should not be used to express a desire for the pod to be scheduled on a specific "
                    + "node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename"),
            ColumnDefinition.wideString("Nominated Node", "nominatedNodeName is set only when this pod preempts "
                    + "other pods on the node, but it cannot be scheduled right away as preemption victims receive "
                    + "their graceful termination periods. This field does not guarantee that the pod will be "
                    + "scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes "
                    + "become available sooner. Scheduler may also decide to give the resources on this node to a "
                    + "higher priority pod that is created after preemption. As a result, this field may be "
                    + "different than PodSpec.nodeName when the pod is scheduled."),
            ColumnDefinition.wideString("Readiness Gates", "If specified, all readiness gates will be evaluated for "
                    + "pod readiness. A pod is ready when all its containers are ready AND all conditions specified "
                    + "in the readiness gates have status equal to \"True\" More info: "
                    + "https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates"));

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(V1Pod pod, Instant now) {
        return cells(PodRow.of(pod, now));
    }

    /** The Table cells of an already computed row. */
    public static List<Object> cells(PodRow row) {
        return List.of(row.name(), row.ready(), row.status(), row.restarts(), row.age(),
                row.ip(), row.node(), row.nominatedNode(), row.readinessGates());
    }

    @Override
    public List<RowCondition> conditions(V1Pod pod) {
        return PodRow.rowConditions(pod.getStatus() == null ? null : pod.getStatus().getPhase());
    }
}
