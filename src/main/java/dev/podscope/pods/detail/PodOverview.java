package dev.podscope.pods.detail;

import dev.podscope.format.HumanDuration;
import dev.podscope.format.PodRow;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The Overview tab's facts about a pod: key/value lines, its conditions, labels and annotations. A pure function of
 * (pod, now); STATUS and READY are {@link PodRow}'s, so they read exactly as in the table and in kubectl.
 */
public record PodOverview(Map<String, String> fields, List<Condition> conditions, Map<String, String> labels,
                          Map<String, String> annotations) {

    /** One pod condition; {@code lastTransition} is "5m ago" or "". */
    public record Condition(String type, String status, String reason, String message, String lastTransition) {
        public boolean isTrue() {
            return "True".equals(status);
        }
    }

    public static PodOverview of(V1Pod pod, Instant now) {
        PodRow row = PodRow.of(pod, now);
        V1ObjectMeta meta = Objects.requireNonNullElse(pod.getMetadata(), new V1ObjectMeta());
        V1PodSpec spec = Objects.requireNonNullElse(pod.getSpec(), new V1PodSpec());
        V1PodStatus status = Objects.requireNonNullElse(pod.getStatus(), new V1PodStatus());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Status", row.status().isEmpty() ? "—" : row.status());
        fields.put("Phase", Objects.requireNonNullElse(status.getPhase(), "Unknown"));
        fields.put("Ready", row.ready());
        fields.put("Restarts", row.restarts());
        fields.put("Node", row.node());
        fields.put("Pod IPs", podIps(status));
        fields.put("QoS class", Objects.requireNonNullElse(status.getQosClass(), "—"));
        fields.put("Service account", Objects.requireNonNullElse(spec.getServiceAccountName(), "default"));
        fields.put("Age", row.age() + (meta.getCreationTimestamp() == null ? ""
                : "  (created " + meta.getCreationTimestamp().toInstant() + ")"));
        if (meta.getDeletionTimestamp() != null) {
            fields.put("Deleting", "since " + HumanDuration.since(meta.getDeletionTimestamp(), now)
                    + (meta.getFinalizers() == null || meta.getFinalizers().isEmpty() ? ""
                    : ", waiting for finalizers " + String.join(", ", meta.getFinalizers())));
        }
        if (status.getMessage() != null && !status.getMessage().isEmpty()) {
            fields.put("Message", status.getMessage());
        }
        List<Condition> conditions = Objects.requireNonNullElse(status.getConditions(), List.<V1PodCondition>of())
                .stream().map(c -> new Condition(c.getType(), c.getStatus(),
                        Objects.requireNonNullElse(c.getReason(), ""), Objects.requireNonNullElse(c.getMessage(), ""),
                        c.getLastTransitionTime() == null ? ""
                                : HumanDuration.since(c.getLastTransitionTime(), now) + " ago")).toList();
        return new PodOverview(fields, conditions, sorted(meta.getLabels()), sorted(meta.getAnnotations()));
    }

    private static String podIps(V1PodStatus status) {
        if (status.getPodIPs() != null && !status.getPodIPs().isEmpty()) {
            return String.join(", ", status.getPodIPs().stream().map(V1PodIP::getIp).toList());
        }
        return status.getPodIP() == null ? "<none>" : status.getPodIP();
    }

    private static Map<String, String> sorted(Map<String, String> values) {
        return values == null ? Map.of() : new TreeMap<>(values);
    }
}
