package dev.podscope.sandbox.sim;

import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Deployments that have been running for a while: created days or weeks ago, rolled out some time later, pods
 * Running and Ready on the workers; a few pods were replaced since, and a few restarted once or more.
 */
final class SteadyDeployments {
    private static final double REPLACED_POD_CHANCE = 0.15;
    private static final double RESTARTED_POD_CHANCE = 0.12;

    private SteadyDeployments() {
    }

    static List<V1Pod> create(PopulationContext p, String namespace, String name, int replicas,
                              Supplier<V1PodTemplateSpec> template) {
        Naming naming = p.naming();
        OffsetDateTime created = p.between(p.birth().plusHours(2), p.ago(Duration.ofDays(2)));
        OffsetDateTime rolledOut = naming.chance(0.5) ? created : p.between(created, p.ago(Duration.ofHours(1)));
        DeploymentPlan plan = new DeploymentPlan(namespace, name, replicas, template, naming, created, rolledOut);
        List<V1Pod> pods = new ArrayList<>(replicas);
        for (int i = 0; i < replicas; i++) {
            V1Pod pod = plan.newPod();
            OffsetDateTime podCreated = naming.chance(REPLACED_POD_CHANCE)
                    ? p.between(rolledOut, p.ago(Duration.ofMinutes(3))) : rolledOut.plusSeconds(i);
            pod.getMetadata().setCreationTimestamp(podCreated);
            int restarts = naming.chance(RESTARTED_POD_CHANCE) ? naming.between(1, 4) : 0;
            p.steady().running(pod, p.worker(), podCreated, restarts, p.now());
            pods.add(pod);
        }
        plan.write(p, pods, rolledOut.plusMinutes(1));
        return pods;
    }
}
