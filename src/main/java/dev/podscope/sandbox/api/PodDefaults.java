package dev.podscope.sandbox.api;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Toleration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the API server's defaulting and admission add to a new pod (restart policy, grace period, DNS policy,
 * scheduler, service account, container pull policy and termination message, default tolerations) and the status
 * it starts with (Pending, with its QoS class), so that {@code kubectl get pod -o yaml} looks like a real one.
 */
final class PodDefaults {
    private static final List<String> TAINTS_TOLERATED_FOR_5_MINUTES =
            List.of("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable");

    private PodDefaults() {
    }

    static void apply(V1Pod pod) {
        V1PodSpec spec = Objects.requireNonNullElseGet(pod.getSpec(), V1PodSpec::new);
        pod.setSpec(spec);
        spec.setRestartPolicy(Objects.requireNonNullElse(spec.getRestartPolicy(), "Always"));
        spec.setTerminationGracePeriodSeconds(Objects.requireNonNullElse(spec.getTerminationGracePeriodSeconds(), 30L));
        spec.setDnsPolicy(Objects.requireNonNullElse(spec.getDnsPolicy(), "ClusterFirst"));
        spec.setSchedulerName(Objects.requireNonNullElse(spec.getSchedulerName(), "default-scheduler"));
        spec.setServiceAccountName(Objects.requireNonNullElse(spec.getServiceAccountName(), "default"));
        spec.setServiceAccount(spec.getServiceAccountName());
        spec.setSecurityContext(Objects.requireNonNullElseGet(spec.getSecurityContext(), V1PodSecurityContext::new));
        spec.setEnableServiceLinks(Objects.requireNonNullElse(spec.getEnableServiceLinks(), true));
        spec.setPreemptionPolicy(Objects.requireNonNullElse(spec.getPreemptionPolicy(), "PreemptLowerPriority"));
        spec.setPriority(Objects.requireNonNullElse(spec.getPriority(), 0));
        orEmpty(spec.getContainers()).forEach(PodDefaults::container);
        orEmpty(spec.getInitContainers()).forEach(PodDefaults::container);
        tolerations(spec);
        pod.setStatus(new V1PodStatus().phase("Pending").qosClass(qosClass(spec)));
    }

    private static void container(V1Container container) {
        container.setTerminationMessagePath(
                Objects.requireNonNullElse(container.getTerminationMessagePath(), "/dev/termination-log"));
        container.setTerminationMessagePolicy(
                Objects.requireNonNullElse(container.getTerminationMessagePolicy(), "File"));
        if (container.getImagePullPolicy() == null) {
            container.setImagePullPolicy(usesLatestTag(container.getImage()) ? "Always" : "IfNotPresent");
        }
        container.setResources(Objects.requireNonNullElseGet(container.getResources(), V1ResourceRequirements::new));
        if (container.getPorts() != null) {
            for (V1ContainerPort port : container.getPorts()) {
                port.setProtocol(Objects.requireNonNullElse(port.getProtocol(), "TCP"));
            }
        }
    }

    private static boolean usesLatestTag(String image) {
        if (image == null || image.contains("@")) {
            return false;
        }
        String lastPart = image.substring(image.lastIndexOf('/') + 1);
        return !lastPart.contains(":") || lastPart.endsWith(":latest");
    }

    private static void tolerations(V1PodSpec spec) {
        List<V1Toleration> tolerations = new ArrayList<>(orEmpty(spec.getTolerations()));
        for (String taint : TAINTS_TOLERATED_FOR_5_MINUTES) {
            if (tolerations.stream().noneMatch(t -> taint.equals(t.getKey()))) {
                tolerations.add(new V1Toleration().key(taint).operator("Exists").effect("NoExecute")
                        .tolerationSeconds(300L));
            }
        }
        spec.setTolerations(tolerations);
    }

    /** Guaranteed when every container limits cpu and memory with requests equal to limits; BestEffort when none asks. */
    static String qosClass(V1PodSpec spec) {
        List<V1Container> all = new ArrayList<>(orEmpty(spec.getContainers()));
        all.addAll(orEmpty(spec.getInitContainers()));
        boolean anyResource = false;
        boolean guaranteed = true;
        for (V1Container container : all) {
            V1ResourceRequirements resources = container.getResources();
            Map<String, Quantity> requests = resources == null || resources.getRequests() == null
                    ? Map.of() : resources.getRequests();
            Map<String, Quantity> limits = resources == null || resources.getLimits() == null
                    ? Map.of() : resources.getLimits();
            for (String name : List.of("cpu", "memory")) {
                Quantity request = requests.get(name);
                Quantity limit = limits.get(name);
                anyResource |= request != null && request.getNumber().signum() != 0 || limit != null;
                guaranteed &= limit != null && (request == null || request.getNumber().compareTo(limit.getNumber()) == 0);
            }
        }
        if (!anyResource) {
            return "BestEffort";
        }
        return guaranteed ? "Guaranteed" : "Burstable";
    }

    private static <E> List<E> orEmpty(List<E> list) {
        return list == null ? List.of() : list;
    }
}
