package dev.podscope.format;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodReadinessGate;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Instant;
import java.util.List;

/**
 * Everything a pod table shows, with kubectl's exact strings ({@code <none>} where kubectl prints it).
 * {@code owner} is {@link Owners#describe} ("" without owner); {@code summary} keeps the numbers for sorting.
 */
public record PodRow(String namespace, String name, String ready, String status, String restarts, String age,
                     String ip, String node, String nominatedNode, String readinessGates, String owner,
                     PodCategory category, List<RowCondition> conditions, PodSummary summary) {

    private static final List<RowCondition> SUCCEEDED_CONDITIONS = List.of(
            new RowCondition("Completed", "True", "Succeeded", "The pod has completed successfully."));
    private static final List<RowCondition> FAILED_CONDITIONS = List.of(
            new RowCondition("Completed", "True", "Failed", "The pod failed."));

    public static PodRow of(V1Pod pod, Instant now) {
        PodSummary summary = PodSummary.of(pod);
        V1ObjectMeta meta = pod.getMetadata() == null ? new V1ObjectMeta() : pod.getMetadata();
        V1PodSpec spec = pod.getSpec() == null ? new V1PodSpec() : pod.getSpec();
        V1PodStatus status = pod.getStatus() == null ? new V1PodStatus() : pod.getStatus();
        String phase = status.getPhase();

        String restarts = Integer.toString(summary.restarts());
        if (summary.restarts() != 0 && summary.lastRestart() != null) {
            restarts = restarts + " (" + HumanDuration.since(summary.lastRestart(), now) + " ago)";
        }
        return new PodRow(
                Text.orEmpty(meta.getNamespace()),
                Text.orEmpty(meta.getName()),
                summary.readyContainers() + "/" + summary.totalContainers(),
                summary.reason(),
                restarts,
                HumanDuration.since(meta.getCreationTimestamp(), now),
                Text.orNone(podIp(status)),
                Text.orNone(spec.getNodeName()),
                Text.orNone(status.getNominatedNodeName()),
                readinessGates(spec.getReadinessGates(), status.getConditions()),
                Owners.describe(pod),
                PodCategory.classify(phase, summary.reason(), summary.readyContainers(), summary.totalContainers()),
                rowConditions(phase),
                summary);
    }

    /** Finished pods carry a {@code Completed=True} row condition, so clients can hide them. */
    static List<RowCondition> rowConditions(String phase) {
        if ("Succeeded".equals(phase)) {
            return SUCCEEDED_CONDITIONS;
        }
        return "Failed".equals(phase) ? FAILED_CONDITIONS : List.of();
    }

    /**
     * printPod reads {@code podIPs[0]}; the API server converts a v1 pod that only has {@code podIP}
     * into one whose first podIPs entry is that address, so fall back to it.
     */
    private static String podIp(V1PodStatus status) {
        if (status.getPodIPs() != null && !status.getPodIPs().isEmpty()) {
            return status.getPodIPs().getFirst().getIp();
        }
        return status.getPodIP();
    }

    /** {@code true/total}, counting a gate only if the first condition of its type is True. */
    private static String readinessGates(List<V1PodReadinessGate> gates, List<V1PodCondition> conditions) {
        if (gates == null || gates.isEmpty()) {
            return Text.NONE;
        }
        int trueConditions = 0;
        for (V1PodReadinessGate gate : gates) {
            if (conditions == null) {
                break;
            }
            for (V1PodCondition condition : conditions) {
                if (gate.getConditionType() != null && gate.getConditionType().equals(condition.getType())) {
                    if ("True".equals(condition.getStatus())) {
                        trueConditions++;
                    }
                    break;
                }
            }
        }
        return trueConditions + "/" + gates.size();
    }

}
