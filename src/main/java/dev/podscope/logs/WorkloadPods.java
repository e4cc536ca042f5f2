package dev.podscope.logs;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.BatchV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import io.kubernetes.client.openapi.models.V1Pod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The pods of a Deployment, ReplicaSet, StatefulSet, DaemonSet or Job: those its label selector matches. */
public final class WorkloadPods {
    private WorkloadPods() {
    }

    /** Blocking; pods sorted by name. {@code kind} may be a kind, a resource name or a short name (deploy, sts, ...). */
    public static List<V1Pod> list(ApiClient client, String namespace, String kind, String name) throws LogException {
        String canonical = canonicalKind(kind);
        try {
            V1LabelSelector selector = switch (canonical) {
                case "Deployment" -> new AppsV1Api(client).readNamespacedDeployment(name, namespace).execute().getSpec().getSelector();
                case "ReplicaSet" -> new AppsV1Api(client).readNamespacedReplicaSet(name, namespace).execute().getSpec().getSelector();
                case "StatefulSet" -> new AppsV1Api(client).readNamespacedStatefulSet(name, namespace).execute().getSpec().getSelector();
                case "DaemonSet" -> new AppsV1Api(client).readNamespacedDaemonSet(name, namespace).execute().getSpec().getSelector();
                default -> new BatchV1Api(client).readNamespacedJob(name, namespace).execute().getSpec().getSelector();
            };
            List<V1Pod> pods = new ArrayList<>(new CoreV1Api(client).listNamespacedPod(namespace)
                    .labelSelector(selectorText(selector)).execute().getItems());
            pods.sort(Comparator.comparing(p -> p.getMetadata().getName()));
            return pods;
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                throw new LogException(canonical + " " + namespace + "/" + name + " not found");
            }
            throw new LogException("Cannot list the pods of " + canonical + " " + namespace + "/" + name + ": "
                    + (e.getCode() == 0 ? e.getMessage() : "the API server answered " + e.getCode()));
        }
    }

    static String canonicalKind(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "deployment", "deployments", "deploy" -> "Deployment";
            case "replicaset", "replicasets", "rs" -> "ReplicaSet";
            case "statefulset", "statefulsets", "sts" -> "StatefulSet";
            case "daemonset", "daemonsets", "ds" -> "DaemonSet";
            case "job", "jobs" -> "Job";
            default -> throw new IllegalArgumentException("no logs for kind " + kind
                    + ": use Deployment, ReplicaSet, StatefulSet, DaemonSet or Job");
        };
    }

    /** A label selector in the query syntax, as kubectl's metav1.LabelSelectorAsSelector writes it. */
    public static String selectorText(V1LabelSelector selector) {
        List<String> parts = new ArrayList<>();
        if (selector == null) {
            return "";
        }
        Map<String, String> labels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> parts.add(e.getKey() + "=" + e.getValue()));
        for (V1LabelSelectorRequirement r : selector.getMatchExpressions() == null
                ? List.<V1LabelSelectorRequirement>of() : selector.getMatchExpressions()) {
            String values = r.getValues() == null ? "" : String.join(",", r.getValues().stream().sorted().toList());
            parts.add(switch (r.getOperator()) {
                case "In" -> r.getKey() + " in (" + values + ")";
                case "NotIn" -> r.getKey() + " notin (" + values + ")";
                case "Exists" -> r.getKey();
                default -> "!" + r.getKey();
            });
        }
        return String.join(",", parts);
    }
}
