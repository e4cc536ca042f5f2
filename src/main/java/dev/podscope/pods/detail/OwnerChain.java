package dev.podscope.pods.detail;

import dev.podscope.logs.WorkloadPods;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.BatchV1Api;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;

import java.util.ArrayList;
import java.util.List;

/**
 * The controllers above a pod, read from the API: Pod → ReplicaSet → Deployment, Job → CronJob, StatefulSet,
 * DaemonSet. Blocking; call it off the UI thread.
 */
public final class OwnerChain {
    private static final int MAX_DEPTH = 4;

    /**
     * One owner. {@code selector} is its pod selector as label-selector text ("" when it has none or could not be
     * read); {@code problem} says why it could not be read (e.g. "not found"), else null.
     */
    public record Link(String kind, String namespace, String name, String selector, String problem) {
        public String label() {
            return kind + "/" + name;
        }

        /** Workloads whose pods the log viewer can merge. */
        public boolean hasLogs() {
            return problem == null && List.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job").contains(kind);
        }
    }

    private OwnerChain() {
    }

    /** The owners, nearest first; empty for a pod that no controller owns. */
    public static List<Link> read(ApiClient client, V1Pod pod) {
        List<Link> chain = new ArrayList<>();
        String namespace = pod.getMetadata().getNamespace();
        V1OwnerReference owner = controller(pod.getMetadata());
        while (owner != null && chain.size() < MAX_DEPTH) {
            String kind = owner.getKind();
            String name = owner.getName();
            try {
                Owned read = read(client, namespace, kind, name);
                chain.add(new Link(kind, namespace, name, read.selector(), null));
                owner = controller(read.meta());
            } catch (ApiException e) {
                chain.add(new Link(kind, namespace, name, "", e.getCode() == 404 ? "not found"
                        : e.getCode() == 403 ? "not allowed to read it" : "cannot be read (" + problem(e) + ")"));
                owner = null;
            }
        }
        return chain;
    }

    private record Owned(V1ObjectMeta meta, String selector) {
    }

    private static Owned read(ApiClient client, String namespace, String kind, String name) throws ApiException {
        AppsV1Api apps = new AppsV1Api(client);
        return switch (kind) {
            case "ReplicaSet" -> {
                var rs = apps.readNamespacedReplicaSet(name, namespace).execute();
                yield new Owned(rs.getMetadata(), selector(rs.getSpec() == null ? null : rs.getSpec().getSelector()));
            }
            case "Deployment" -> {
                var d = apps.readNamespacedDeployment(name, namespace).execute();
                yield new Owned(d.getMetadata(), selector(d.getSpec() == null ? null : d.getSpec().getSelector()));
            }
            case "StatefulSet" -> {
                var s = apps.readNamespacedStatefulSet(name, namespace).execute();
                yield new Owned(s.getMetadata(), selector(s.getSpec() == null ? null : s.getSpec().getSelector()));
            }
            case "DaemonSet" -> {
                var d = apps.readNamespacedDaemonSet(name, namespace).execute();
                yield new Owned(d.getMetadata(), selector(d.getSpec() == null ? null : d.getSpec().getSelector()));
            }
            case "Job" -> {
                var j = new BatchV1Api(client).readNamespacedJob(name, namespace).execute();
                yield new Owned(j.getMetadata(), selector(j.getSpec() == null ? null : j.getSpec().getSelector()));
            }
            case "CronJob" -> new Owned(new BatchV1Api(client).readNamespacedCronJob(name, namespace).execute()
                    .getMetadata(), "");
            // a kind this app does not read (a custom controller): shown, not followed
            default -> new Owned(new V1ObjectMeta(), "");
        };
    }

    private static String selector(V1LabelSelector selector) {
        return selector == null ? "" : WorkloadPods.selectorText(selector);
    }

    private static V1OwnerReference controller(V1ObjectMeta meta) {
        if (meta == null || meta.getOwnerReferences() == null || meta.getOwnerReferences().isEmpty()) {
            return null;
        }
        return meta.getOwnerReferences().stream().filter(o -> Boolean.TRUE.equals(o.getController())).findFirst()
                .orElse(meta.getOwnerReferences().getFirst());
    }

    private static String problem(ApiException e) {
        return e.getCode() == 0 ? String.valueOf(e.getMessage()) : "the API server answered " + e.getCode();
    }
}
