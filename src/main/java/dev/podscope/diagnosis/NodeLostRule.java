package dev.podscope.diagnosis;

import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pod's node stopped reporting: the node controller marks its pods NotReady (event NodeNotReady), the status
 * reason becomes NodeLost, and after the toleration for unreachable nodes the pods are evicted.
 */
final class NodeLostRule implements Rule {

    @Override
    public Optional<Diagnosis> apply(Clues clues) {
        V1Pod pod = clues.pod();
        List<String> evidence = new ArrayList<>();
        if ("NodeLost".equals(PodFacts.status(pod).getReason())) {
            evidence.add("status.reason NodeLost: " + PodFacts.orEmpty(PodFacts.status(pod).getMessage()));
        }
        Optional<V1PodCondition> disruption = PodFacts.condition(pod, "DisruptionTarget")
                .filter(c -> "DeletionByTaintManager".equals(c.getReason()));
        disruption.ifPresent(c -> evidence.add("condition DisruptionTarget: " + PodFacts.orEmpty(c.getMessage())));
        Optional<CoreV1Event> notReady = clues.latest("NodeNotReady", null);
        notReady.ifPresent(e -> evidence.add("event NodeNotReady: " + PodFacts.orEmpty(e.getMessage())));
        if (evidence.isEmpty() || PodFacts.conditionTrue(pod, "Ready")) {
            return Optional.empty();
        }
        String node = pod.getSpec() == null || pod.getSpec().getNodeName() == null ? "its node" : pod.getSpec().getNodeName();
        List<String> details = new ArrayList<>();
        details.add("Node " + node + " stopped reporting to the control plane, so the state of this pod is unknown.");
        if (pod.getMetadata() != null && pod.getMetadata().getDeletionTimestamp() != null) {
            details.add("The pod was evicted from the node, but stays Terminating until the node's kubelet confirms"
                    + " that its containers stopped, or until it is force-deleted"
                    + " (kubectl delete pod --force --grace-period=0).");
        } else {
            details.add("Its containers may still run there. If the node stays unreachable the pod is evicted and"
                    + " its controller (if any) starts a replacement on another node.");
        }
        return Optional.of(new Diagnosis(Severity.ERROR, "Node " + node + " is lost (not ready / unreachable)",
                details, evidence));
    }
}
