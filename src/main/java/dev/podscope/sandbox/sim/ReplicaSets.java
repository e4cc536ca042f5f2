package dev.podscope.sandbox.sim;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetSpec;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ReplicaSets as the Deployment controller makes them: one per pod template, named and labelled by its hash. */
final class ReplicaSets {
    static final String HASH_LABEL = "pod-template-hash";
    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
    static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

    private ReplicaSets() {
    }

    /** A ReplicaSet of {@code deployment} for {@code template}, which becomes the ReplicaSet's and gets the hash label. */
    static V1ReplicaSet of(V1Deployment deployment, V1PodTemplateSpec template, String hash, int revision,
                           int replicas, String uid, OffsetDateTime created) {
        V1ObjectMeta owner = deployment.getMetadata();
        template.getMetadata().putLabelsItem(HASH_LABEL, hash);
        Map<String, String> labels = new LinkedHashMap<>(owner.getLabels() == null ? Map.of() : owner.getLabels());
        labels.put(HASH_LABEL, hash);
        Map<String, String> selector = new LinkedHashMap<>(deployment.getSpec().getSelector().getMatchLabels());
        selector.put(HASH_LABEL, hash);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(DESIRED_REPLICAS, Integer.toString(desired(deployment)));
        annotations.put(MAX_REPLICAS, Integer.toString(desired(deployment) + maxSurge(desired(deployment))));
        annotations.put(REVISION, Integer.toString(revision));
        return new V1ReplicaSet().apiVersion("apps/v1").kind("ReplicaSet")
                .metadata(new V1ObjectMeta().name(owner.getName() + "-" + hash).namespace(owner.getNamespace())
                        .uid(uid).generation(1L).creationTimestamp(created).labels(labels).annotations(annotations)
                        .ownerReferences(List.of(Owners.controller("apps/v1", "Deployment", owner.getName(),
                                owner.getUid()))))
                .spec(new V1ReplicaSetSpec().replicas(replicas)
                        .selector(new V1LabelSelector().matchLabels(selector)).template(template));
    }

    /** The revision annotation of a Deployment or ReplicaSet; 0 when there is none. */
    static int revision(KubernetesObject object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(REVISION);
        return value == null ? 0 : Integer.parseInt(value);
    }

    static int desired(V1Deployment deployment) {
        Integer replicas = deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    static int specReplicas(V1ReplicaSet rs) {
        Integer replicas = rs.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    static int availableReplicas(V1ReplicaSet rs) {
        return rs.getStatus() == null || rs.getStatus().getAvailableReplicas() == null ? 0
                : rs.getStatus().getAvailableReplicas();
    }

    /** maxSurge 25%, rounded up, as Deployments default to. */
    static int maxSurge(int desired) {
        return (desired + 3) / 4;
    }

    /** maxUnavailable 25%, rounded down; never zero together with maxSurge. */
    static int maxUnavailable(int desired) {
        int unavailable = desired / 4;
        return unavailable == 0 && maxSurge(desired) == 0 ? 1 : unavailable;
    }
}
