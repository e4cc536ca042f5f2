package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Taint;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fourth node that stopped reporting a while ago (recently enough that its Events have not expired), and the pod it ran. The node controller marked the node's
 * conditions Unknown, tainted it unreachable and marked its pod not ready (NodeNotReady); five minutes later the
 * taint evicted the pod, which stays Terminating because no kubelet confirms its end. No simulated kubelet runs
 * on the node, the scheduler does not use it and metrics-server has nothing from it.
 */
final class LostNode {
    static final NodeSpec SPEC = new NodeSpec("sandbox-worker-3", "10.89.0.5", 3, false, 8000, "16318412Ki");
    static final String UNREACHABLE = "node.kubernetes.io/unreachable";
    static final int PODS = 1;
    private static final String NODE_CONTROLLER = "node-controller";
    private static final String TAINT_CONTROLLER = "taint-eviction-controller";
    /** The default toleration of unreachable nodes that the API server adds to every pod. */
    private static final long TOLERATION_SECONDS = 300;

    private LostNode() {
    }

    static boolean isLost(String node) {
        return SPEC.name().equals(node);
    }

    static void create(PopulationContext p, Map<Scenario, PodRef> scenarios, int podCapacity) {
        OffsetDateTime joined = p.between(p.birth().plusDays(2), p.ago(Duration.ofDays(5)));
        OffsetDateTime lost = p.ago(Duration.ofMinutes(p.naming().between(12, 40)));
        V1Node node = NodeFactory.node(SPEC, p.naming(), joined, lost, podCapacity);
        List<V1NodeCondition> conditions = new ArrayList<>();
        for (V1NodeCondition c : node.getStatus().getConditions()) {
            conditions.add(c.status("Unknown").reason("NodeStatusUnknown").message("Kubelet stopped posting node status.")
                    .lastTransitionTime(lost.plusSeconds(40)));
        }
        node.getStatus().setConditions(conditions);
        node.getSpec().taints(List.of(
                new V1Taint().key(UNREACHABLE).effect("NoSchedule").timeAdded(lost.plusSeconds(40)),
                new V1Taint().key(UNREACHABLE).effect("NoExecute").timeAdded(lost.plusSeconds(45))));
        p.create(Resources.NODES, node);
        scenarios.put(Scenario.NODE_LOST, pod(p, lost));
    }

    private static PodRef pod(PopulationContext p, OffsetDateTime lost) {
        V1PodTemplateSpec t = Templates.template(Templates.appLabels("etl-runner"), "default",
                Templates.container("etl", "registry.example.com/data/etl-runner:v0.9.4")
                        .args(List.of("--source", "s3://lake/raw", "--sink", "postgres://warehouse.data:5432/dw"))
                        .resources(Templates.resources("500m", "1Gi", "2", "2Gi")));
        V1Pod pod = PodFactory.fromTemplate(t, "data", "etl-runner", null, null, p.naming());
        OffsetDateTime created = lost.minusMinutes(p.naming().between(30, 600));
        pod.getMetadata().setCreationTimestamp(created);
        PodStatuses.bind(pod, SPEC.name(), created.plusSeconds(1));
        PodStatuses.sandbox(pod, SPEC, "10.244.3.2", created.plusSeconds(2));
        OffsetDateTime started = created.plusSeconds(p.naming().between(4, 20));
        for (V1Container c : pod.getSpec().getContainers()) {
            PodStatuses.running(PodStatuses.findStatus(pod, c.getName()), p.naming().containerId(), started);
            PodStatuses.findStatus(pod, c.getName()).setReady(true);
        }
        pod.getStatus().setPhase(PodStatuses.RUNNING);
        PodConditions.refresh(pod, started.plusSeconds(2));
        OffsetDateTime markedNotReady = lost.plusSeconds(41);
        OffsetDateTime evicted = lost.plusSeconds(45 + TOLERATION_SECONDS);
        // MarkPodsNotReady flips only the Ready condition; the container statuses stay as last reported
        V1PodCondition ready = PodConditions.find(pod.getStatus(), PodConditions.READY);
        ready.status("False").lastTransitionTime(markedNotReady);
        pod.getStatus().getConditions().add(new V1PodCondition().type("DisruptionTarget").status("True")
                .reason("DeletionByTaintManager").message("Taint manager: deleting due to NoExecute taint")
                .lastTransitionTime(evicted));
        pod.getMetadata().deletionTimestamp(evicted.plusSeconds(30)).deletionGracePeriodSeconds(30L);
        p.create(Resources.PODS, pod);
        CoreV1Event notReady = EventRecorder.podEvent(pod, null, NODE_CONTROLLER, EventRecorder.WARNING,
                "NodeNotReady", "Node is not ready", 1, markedNotReady, markedNotReady);
        CoreV1Event eviction = EventRecorder.podEvent(pod, null, TAINT_CONTROLLER, EventRecorder.NORMAL,
                "TaintManagerEviction", "Marking for deletion Pod data/etl-runner", 1, evicted, evicted);
        p.create(Resources.EVENTS, notReady);
        p.create(Resources.EVENTS, eviction);
        return DemoApps.ref(pod);
    }
}
