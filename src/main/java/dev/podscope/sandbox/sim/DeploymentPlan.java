package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1DeploymentStrategy;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1RollingUpdateDeployment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A Deployment, its current ReplicaSet and their pods, built together so that the statuses agree, then written to
 * the store in one go. The template supplier is called once per object, because every object owns its template.
 */
final class DeploymentPlan {
    private final Naming naming;
    private final Supplier<V1PodTemplateSpec> template;
    private final V1Deployment deployment;
    private final V1ReplicaSet replicaSet;
    private final String hash;

    DeploymentPlan(String namespace, String name, int replicas, Supplier<V1PodTemplateSpec> template, Naming naming,
                   OffsetDateTime created, OffsetDateTime rolledOut) {
        this.naming = naming;
        this.template = template;
        this.hash = naming.templateHash();
        String revision = Integer.toString(rolledOut.equals(created) ? 1 : naming.between(2, 7));
        Map<String, String> labels = Templates.appLabels(name);
        V1ObjectMeta deploymentMeta = new V1ObjectMeta().name(name).namespace(namespace).uid(naming.uid())
                .generation(Long.parseLong(revision)).creationTimestamp(created).labels(labels)
                .annotations(Map.of(ReplicaSets.REVISION, revision));
        deployment = new V1Deployment().apiVersion("apps/v1").kind("Deployment").metadata(deploymentMeta)
                .spec(new V1DeploymentSpec().replicas(replicas)
                        .selector(new V1LabelSelector().matchLabels(Map.of("app", name)))
                        .template(template.get())
                        .strategy(new V1DeploymentStrategy().type("RollingUpdate").rollingUpdate(
                                new V1RollingUpdateDeployment().maxSurge(new IntOrString("25%"))
                                        .maxUnavailable(new IntOrString("25%"))))
                        .revisionHistoryLimit(10).progressDeadlineSeconds(600));
        replicaSet = ReplicaSets.of(deployment, template.get(), hash, Integer.parseInt(revision), replicas,
                naming.uid(), rolledOut);
    }

    String replicaSetName() {
        return replicaSet.getMetadata().getName();
    }

    /** A new Pending pod of the ReplicaSet, named {@code <rs>-<suffix>}. */
    V1Pod newPod() {
        String prefix = replicaSetName() + "-";
        return PodFactory.fromTemplate(hashed(template.get()), replicaSet.getMetadata().getNamespace(),
                prefix + naming.suffix(), prefix,
                Owners.controller("apps/v1", "ReplicaSet", replicaSetName(), replicaSet.getMetadata().getUid()),
                naming);
    }

    /**
     * Adds deployment, ReplicaSet and pods to the initial cluster; {@code settledAt} dates the Deployment's
     * conditions, which are then brought up to now (a rollout that never finished has timed out since).
     */
    void write(PopulationContext p, List<V1Pod> pods, OffsetDateTime settledAt) {
        replicaSet.setStatus(WorkloadStatus.replicaSet(replicaSet, pods));
        deployment.setStatus(WorkloadStatus.deployment(deployment, List.of(replicaSet), settledAt));
        deployment.setStatus(WorkloadStatus.deployment(deployment, List.of(replicaSet), p.now()));
        p.create(Resources.DEPLOYMENTS, deployment);
        p.create(Resources.REPLICASETS, replicaSet);
        for (V1Pod pod : pods) {
            p.create(Resources.PODS, pod);
        }
    }

    private V1PodTemplateSpec hashed(V1PodTemplateSpec spec) {
        spec.getMetadata().putLabelsItem(ReplicaSets.HASH_LABEL, hash);
        return spec;
    }
}
