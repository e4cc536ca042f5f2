package dev.podscope.sandbox.api;

import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1ReplicaSet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The fields each resource type can be selected by, as the API server's field-label conversions define them. */
final class SelectableFields {
    private SelectableFields() {
    }

    /** The value of {@code field} for {@code object} ("" when unset), or empty when the type does not support it. */
    static Optional<Function<KubernetesObject, String>> field(ResourceType<?> type, String field) {
        return Optional.ofNullable(fieldsOf(type).get(field));
    }

    private static Map<String, Function<KubernetesObject, String>> fieldsOf(ResourceType<?> type) {
        Map<String, Function<KubernetesObject, String>> fields = new LinkedHashMap<>();
        fields.put("metadata.name", o -> o.getMetadata().getName());
        fields.put("metadata.namespace", o -> type.namespaced() ? o.getMetadata().getNamespace() : "");
        if (type == Resources.PODS) {
            podFields(fields);
        } else if (type == Resources.EVENTS) {
            eventFields(fields);
        } else if (type == Resources.NAMESPACES) {
            fields.put("status.phase", o -> ((V1Namespace) o).getStatus() == null ? null
                    : ((V1Namespace) o).getStatus().getPhase());
        } else if (type == Resources.NODES) {
            fields.put("spec.unschedulable", o -> ((V1Node) o).getSpec() == null ? "false"
                    : String.valueOf(Boolean.TRUE.equals(((V1Node) o).getSpec().getUnschedulable())));
        } else if (type == Resources.REPLICASETS) {
            fields.put("status.replicas", o -> ((V1ReplicaSet) o).getStatus() == null ? "0"
                    : String.valueOf(((V1ReplicaSet) o).getStatus().getReplicas()));
        } else if (type == Resources.JOBS) {
            fields.put("status.successful", o -> ((V1Job) o).getStatus() == null ? "0"
                    : String.valueOf(nullToZero(((V1Job) o).getStatus().getSucceeded())));
        }
        return fields;
    }

    private static void podFields(Map<String, Function<KubernetesObject, String>> fields) {
        spec(fields, "spec.nodeName", V1PodSpec::getNodeName);
        spec(fields, "spec.restartPolicy", V1PodSpec::getRestartPolicy);
        spec(fields, "spec.schedulerName", V1PodSpec::getSchedulerName);
        spec(fields, "spec.serviceAccountName", V1PodSpec::getServiceAccountName);
        spec(fields, "spec.hostNetwork", s -> String.valueOf(Boolean.TRUE.equals(s.getHostNetwork())));
        status(fields, "status.phase", V1PodStatus::getPhase);
        status(fields, "status.podIP", V1PodStatus::getPodIP);
        status(fields, "status.nominatedNodeName", V1PodStatus::getNominatedNodeName);
    }

    private static void spec(Map<String, Function<KubernetesObject, String>> fields, String name,
                             Function<V1PodSpec, String> getter) {
        fields.put(name, o -> ((V1Pod) o).getSpec() == null ? null : getter.apply(((V1Pod) o).getSpec()));
    }

    private static void status(Map<String, Function<KubernetesObject, String>> fields, String name,
                               Function<V1PodStatus, String> getter) {
        fields.put(name, o -> ((V1Pod) o).getStatus() == null ? null : getter.apply(((V1Pod) o).getStatus()));
    }

    private static void eventFields(Map<String, Function<KubernetesObject, String>> fields) {
        involved(fields, "involvedObject.kind", V1ObjectReference::getKind);
        involved(fields, "involvedObject.namespace", V1ObjectReference::getNamespace);
        involved(fields, "involvedObject.name", V1ObjectReference::getName);
        involved(fields, "involvedObject.uid", V1ObjectReference::getUid);
        involved(fields, "involvedObject.apiVersion", V1ObjectReference::getApiVersion);
        involved(fields, "involvedObject.resourceVersion", V1ObjectReference::getResourceVersion);
        involved(fields, "involvedObject.fieldPath", V1ObjectReference::getFieldPath);
        fields.put("reason", o -> ((CoreV1Event) o).getReason());
        fields.put("reportingComponent", o -> ((CoreV1Event) o).getReportingComponent());
        fields.put("source", o -> ((CoreV1Event) o).getSource() == null ? null
                : ((CoreV1Event) o).getSource().getComponent());
        fields.put("type", o -> ((CoreV1Event) o).getType());
    }

    private static void involved(Map<String, Function<KubernetesObject, String>> fields, String name,
                                 Function<V1ObjectReference, String> getter) {
        fields.put(name, o -> ((CoreV1Event) o).getInvolvedObject() == null ? null
                : getter.apply(((CoreV1Event) o).getInvolvedObject()));
    }

    private static int nullToZero(Integer value) {
        return value == null ? 0 : value;
    }
}
