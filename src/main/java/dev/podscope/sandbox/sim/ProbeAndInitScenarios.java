package dev.podscope.sandbox.sim;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Three more failing Deployments in shop, each rolled out a moment ago so their failure plays from the start: a
 * pod restarted by its liveness probe, a pod whose init container fails, and a pod killed for memory again and
 * again. Created after the filler apps, so that the seed gives the rest of the cluster the names it always had.
 */
final class ProbeAndInitScenarios {
    static final int COUNT = 3;

    private ProbeAndInitScenarios() {
    }

    static void create(PopulationContext p, Map<Scenario, PodRef> scenarios, List<PodRef> pending) {
        pending(scenarios, pending, Scenario.LIVENESS_FAILING, rollout(p, "search-indexer",
                "registry.example.com/shop/search:v2.8.1", Behavior.LIVENESS_FAILS, "200m", "256Mi", "1", "512Mi"));
        pending(scenarios, pending, Scenario.INIT_FAILING, rollout(p, "order-intake",
                "registry.example.com/shop/orders:v5.1.0", Behavior.INIT_FAILS, "100m", "128Mi", "500m", "256Mi"));
        pending(scenarios, pending, Scenario.OOM_LOOP, rollout(p, "cache-preloader",
                "registry.example.com/shop/cache-warmer:v1.3.2", Behavior.OOM_KILLED, "100m", "128Mi", "500m",
                "192Mi"));
    }

    private static V1Pod rollout(PopulationContext p, String name, String image, Behavior behavior, String cpu,
                                 String memory, String cpuLimit, String memoryLimit) {
        OffsetDateTime created = p.between(p.birth().plusDays(1), p.ago(Duration.ofDays(3)));
        DeploymentPlan plan = new DeploymentPlan("shop", name, 1, () -> template(name, image, behavior, cpu, memory,
                cpuLimit, memoryLimit), p.naming(), created, p.now().minusSeconds(2));
        V1Pod pod = plan.newPod();
        pod.getMetadata().setCreationTimestamp(p.now().minusSeconds(1));
        plan.write(p, List.of(pod), p.now());
        return pod;
    }

    private static V1PodTemplateSpec template(String name, String image, Behavior behavior, String cpu, String memory,
                                              String cpuLimit, String memoryLimit) {
        V1PodTemplateSpec t = Templates.withBehavior(Templates.template(Templates.appLabels(name), name,
                Templates.service(name, image, 8080, Templates.resources(cpu, memory, cpuLimit, memoryLimit))),
                behavior);
        if (behavior == Behavior.INIT_FAILS) {
            V1Container migrate = Templates.container("migrate", image.replace(":", "-migrations:"))
                    .args(List.of("migrate", "--database", "postgres://orders-db.data:5432/orders"))
                    .resources(Templates.resources("50m", "64Mi", null, "128Mi"));
            t.getSpec().initContainers(new ArrayList<>(List.of(migrate)));
        }
        return t;
    }

    private static void pending(Map<Scenario, PodRef> scenarios, List<PodRef> pending, Scenario scenario, V1Pod pod) {
        PodRef ref = DemoApps.ref(pod);
        scenarios.put(scenario, ref);
        pending.add(ref);
    }
}
