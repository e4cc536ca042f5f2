package dev.podscope.describe;

import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodReadinessGate;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1Toleration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.podscope.format.HumanDuration;

/**
 * {@code kubectl describe pod} output, byte for byte, from the pod and its events: a port of {@code describePod}
 * in kubectl's pkg/describe/describe.go (v1.32). Ages are computed at {@code now}; times print in {@code zone}.
 */
public final class PodDescriber {

    private PodDescriber() {
    }

    /** In the system time zone, as kubectl prints times in its local zone. */
    public static String describe(V1Pod pod, List<CoreV1Event> events, Instant now) {
        return describe(pod, events, now, ZoneId.systemDefault());
    }

    /** @param events the pod's events, or null to leave out the Events section (kubectl --show-events=false) */
    public static String describe(V1Pod pod, List<CoreV1Event> events, Instant now, ZoneId zone) {
        DescribeWriter w = new DescribeWriter();
        V1ObjectMeta meta = pod.getMetadata() == null ? new V1ObjectMeta() : pod.getMetadata();
        V1PodSpec spec = pod.getSpec() == null ? new V1PodSpec() : pod.getSpec();
        V1PodStatus status = pod.getStatus() == null ? new V1PodStatus() : pod.getStatus();
        w.write(0, "Name:\t" + GoText.orEmpty(meta.getName()) + "\n");
        w.write(0, "Namespace:\t" + GoText.orEmpty(meta.getNamespace()) + "\n");
        if (spec.getPriority() != null) {
            w.write(0, "Priority:\t" + spec.getPriority() + "\n");
        }
        if (!GoText.isEmpty(spec.getPriorityClassName())) {
            w.write(0, "Priority Class Name:\t" + spec.getPriorityClassName() + "\n");
        }
        if (!GoText.isEmpty(spec.getRuntimeClassName())) {
            w.write(0, "Runtime Class Name:\t" + spec.getRuntimeClassName() + "\n");
        }
        if (!GoText.isEmpty(spec.getServiceAccountName())) {
            w.write(0, "Service Account:\t" + spec.getServiceAccountName() + "\n");
        }
        if (GoText.isEmpty(spec.getNodeName())) {
            w.write(0, "Node:\t<none>\n");
        } else {
            w.write(0, "Node:\t" + spec.getNodeName() + "/" + GoText.orEmpty(status.getHostIP()) + "\n");
        }
        if (status.getStartTime() != null) {
            w.write(0, "Start Time:\t" + GoText.rfc1123z(status.getStartTime(), zone) + "\n");
        }
        Multiline.labels(w, "Labels", meta.getLabels());
        Multiline.annotations(w, "Annotations", meta.getAnnotations());
        String phase = GoText.orEmpty(status.getPhase());
        if (meta.getDeletionTimestamp() != null && !"Failed".equals(phase) && !"Succeeded".equals(phase)) {
            w.write(0, "Status:\tTerminating (lasts " + HumanDuration.since(meta.getDeletionTimestamp(), now) + ")\n");
            w.write(0, "Termination Grace Period:\t" + (meta.getDeletionGracePeriodSeconds() == null ? 0
                    : meta.getDeletionGracePeriodSeconds()) + "s\n");
        } else {
            w.write(0, "Status:\t" + phase + "\n");
        }
        if (!GoText.isEmpty(status.getReason())) {
            w.write(0, "Reason:\t" + status.getReason() + "\n");
        }
        if (!GoText.isEmpty(status.getMessage())) {
            w.write(0, "Message:\t" + status.getMessage() + "\n");
        }
        if (spec.getSecurityContext() != null && spec.getSecurityContext().getSeccompProfile() != null) {
            String type = spec.getSecurityContext().getSeccompProfile().getType();
            w.write(0, "SeccompProfile:\t" + type + "\n");
            if ("Localhost".equals(type)) {
                w.write(0, "LocalhostProfile:\t"
                        + GoText.orEmpty(spec.getSecurityContext().getSeccompProfile().getLocalhostProfile()) + "\n");
            }
        }
        w.write(0, "IP:\t" + GoText.orEmpty(status.getPodIP()) + "\n");
        podIps(w, status.getPodIPs());
        String controller = controller(meta);
        if (!controller.isEmpty()) {
            w.write(0, "Controlled By:\t" + controller + "\n");
        }
        if (!GoText.isEmpty(status.getNominatedNodeName())) {
            w.write(0, "NominatedNodeName:\t" + status.getNominatedNodeName() + "\n");
        }
        if (spec.getResources() != null) {
            w.write(0, "Resources:\n");
            ContainerDescriber.resources(w, spec.getResources(), 1);
        }
        ContainerDescriber containers = new ContainerDescriber(w, pod, zone);
        if (spec.getInitContainers() != null && !spec.getInitContainers().isEmpty()) {
            containers.describe("Init Containers", spec.getInitContainers(), status.getInitContainerStatuses());
        }
        containers.describe("Containers", spec.getContainers(), status.getContainerStatuses());
        if (spec.getEphemeralContainers() != null && !spec.getEphemeralContainers().isEmpty()) {
            containers.describe("Ephemeral Containers", EphemeralContainers.asContainers(spec.getEphemeralContainers()),
                    status.getEphemeralContainerStatuses());
        }
        conditions(w, spec.getReadinessGates(), status.getConditions());
        VolumeDescriber.volumes(w, spec.getVolumes());
        w.write(0, "QoS Class:\t" + QosClasses.of(pod) + "\n");
        Multiline.labels(w, "Node-Selectors", spec.getNodeSelector());
        tolerations(w, spec.getTolerations());
        TopologySpread.describe(w, spec.getTopologySpreadConstraints());
        if (events != null) {
            EventsSection.describe(w, events, now);
        }
        return w.text();
    }

    private static void podIps(DescribeWriter w, List<V1PodIP> ips) {
        if (ips == null || ips.isEmpty()) {
            w.write(0, "IPs:\t<none>\n");
            return;
        }
        w.write(0, "IPs:\n");
        for (V1PodIP ip : ips) {
            w.write(1, "IP:\t" + GoText.orEmpty(ip.getIp()) + "\n");
        }
    }

    private static String controller(V1ObjectMeta meta) {
        if (meta.getOwnerReferences() == null) {
            return "";
        }
        for (V1OwnerReference ref : meta.getOwnerReferences()) {
            if (Boolean.TRUE.equals(ref.getController())) {
                return ref.getKind() + "/" + ref.getName();
            }
        }
        return "";
    }

    private static void conditions(DescribeWriter w, List<V1PodReadinessGate> gates, List<V1PodCondition> conditions) {
        if (gates != null && !gates.isEmpty()) {
            w.write(0, "Readiness Gates:\n  Type\tStatus\n");
            for (V1PodReadinessGate g : gates) {
                String status = "<none>";
                if (conditions != null) {
                    for (V1PodCondition c : conditions) {
                        if (c.getType().equals(g.getConditionType())) {
                            status = c.getStatus();
                            break;
                        }
                    }
                }
                w.write(1, g.getConditionType() + " \t" + status + " \n");
            }
        }
        if (conditions != null && !conditions.isEmpty()) {
            w.write(0, "Conditions:\n  Type\tStatus\n");
            for (V1PodCondition c : conditions) {
                w.write(1, c.getType() + " \t" + c.getStatus() + " \n");
            }
        }
    }

    private static void tolerations(DescribeWriter w, List<V1Toleration> tolerations) {
        w.write(0, "Tolerations:\t");
        if (tolerations == null || tolerations.isEmpty()) {
            w.writeLine("<none>");
            return;
        }
        List<V1Toleration> sorted = new ArrayList<>(tolerations);
        sorted.sort(Comparator.comparing(t -> GoText.orEmpty(t.getKey())));
        for (int i = 0; i < sorted.size(); i++) {
            V1Toleration t = sorted.get(i);
            if (i != 0) {
                w.write(0, "\t");
            }
            StringBuilder sb = new StringBuilder(GoText.orEmpty(t.getKey()));
            if (!GoText.isEmpty(t.getValue())) {
                sb.append('=').append(t.getValue());
            }
            if (!GoText.isEmpty(t.getEffect())) {
                sb.append(':').append(t.getEffect());
            }
            if ("Exists".equals(t.getOperator()) && GoText.isEmpty(t.getValue())) {
                sb.append(!GoText.isEmpty(t.getKey()) || !GoText.isEmpty(t.getEffect()) ? " op=Exists" : "op=Exists");
            }
            if (t.getTolerationSeconds() != null) {
                sb.append(" for ").append(t.getTolerationSeconds()).append('s');
            }
            w.write(0, sb.append('\n').toString());
        }
    }

    /** Sorted copy of a map, as Go code sorts keys before printing. */
    static Map<String, String> sorted(Map<String, String> map) {
        return map == null ? Map.of() : new TreeMap<>(map);
    }
}
