package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The pods that show one state each. Those with a lifecycle to play are created Pending and unbound, so the
 * scheduler and kubelets take them from there; the others are created in their final, backdated state.
 */
final class ScenarioPods {
    static final String STUCK_FINALIZER = "podscope.dev/stuck";
    static final int COUNT = 6 + ScenarioJobs.COUNT;

    private final PopulationContext p;
    private final Map<Scenario, PodRef> scenarios = new EnumMap<>(Scenario.class);
    private final List<PodRef> pending = new ArrayList<>();

    private ScenarioPods(PopulationContext p) {
        this.p = p;
    }

    /** Creates the scenario pods; fills {@code scenarios} and returns the pods the scheduler must pick up. */
    static List<PodRef> create(PopulationContext p, Map<Scenario, PodRef> scenarios) {
        ScenarioPods s = new ScenarioPods(p);
        s.initDemo();
        s.stuckTerminating();
        s.failingDeployment(Scenario.CRASH_LOOP, "checkout", "registry.example.com/shop/checkout:v4.2.0",
                Behavior.CRASH_LOOP);
        s.failingDeployment(Scenario.IMAGE_PULL_BACKOFF, "payments", "registry.example.com/shop/payments:v9.9.9",
                Behavior.IMAGE_PULL_FAILS);
        s.failingDeployment(Scenario.NOT_READY, "recommendations",
                "registry.example.com/shop/recommendations:v3.0.2", Behavior.NOT_READY);
        s.unschedulable();
        ScenarioJobs.create(p, s.scenarios, s.pending);
        scenarios.putAll(s.scenarios);
        return s.pending;
    }

    private void initDemo() {
        V1Container waitForDb = Templates.container("wait-for-db", "busybox:1.37")
                .command(List.of("sh", "-c", "until nc -z postgres.data 5432; do echo waiting for db; sleep 2; done"));
        V1Container migrate = Templates.container("migrate", "registry.example.com/default/migrate:v1.4.0")
                .args(List.of("--to", "latest")).resources(Templates.resources("100m", "64Mi", null, "128Mi"));
        V1PodTemplateSpec t = Templates.template(Templates.appLabels("init-demo"), "default",
                Templates.service("app", "registry.example.com/default/api:v2.3.1", 8080,
                        Templates.resources("100m", "128Mi", "500m", "256Mi")));
        t.getSpec().initContainers(new ArrayList<>(List.of(waitForDb, migrate)));
        pending(Scenario.INIT_CONTAINERS, standalone("default", "init-demo", t, p.now().minusSeconds(1)));
    }

    private void stuckTerminating() {
        V1PodTemplateSpec t = Templates.template(Templates.appLabels("legacy-worker"), "default",
                Templates.service("worker", "registry.example.com/default/legacy-worker:v0.7.3", 8080,
                        Templates.resources("50m", "64Mi", null, "128Mi")));
        OffsetDateTime created = p.between(p.ago(Duration.ofDays(6)), p.ago(Duration.ofDays(2)));
        V1Pod pod = PodFactory.fromTemplate(t, "default", "stuck-terminating", null, null, p.naming());
        pod.getMetadata().creationTimestamp(created).finalizers(new ArrayList<>(List.of(STUCK_FINALIZER)));
        p.steady().running(pod, p.worker(), created, 0, p.now());
        OffsetDateTime deleted = p.ago(Duration.ofMinutes(p.naming().between(70, 180)));
        pod.getMetadata().deletionTimestamp(deleted.plusSeconds(30)).deletionGracePeriodSeconds(30L);
        SteadyState.stopped(pod, deleted.plusSeconds(1));
        p.create(Resources.PODS, pod);
        scenarios.put(Scenario.STUCK_TERMINATING, DemoApps.ref(pod));
    }

    /** A long-lived Deployment whose latest rollout, a moment ago, brought a pod that misbehaves. */
    private void failingDeployment(Scenario scenario, String name, String image, Behavior behavior) {
        OffsetDateTime created = p.between(p.birth().plusDays(1), p.ago(Duration.ofDays(3)));
        DeploymentPlan plan = new DeploymentPlan("shop", name, 1, () -> Templates.withBehavior(
                Templates.template(Templates.appLabels(name), name, Templates.service(name, image, 8080,
                        Templates.resources("100m", "128Mi", "500m", "256Mi"))), behavior),
                p.naming(), created, p.now().minusSeconds(2));
        V1Pod pod = plan.newPod();
        pod.getMetadata().setCreationTimestamp(p.now().minusSeconds(1));
        plan.write(p, List.of(pod), p.now());
        pending(scenario, pod);
    }

    private void unschedulable() {
        V1PodTemplateSpec t = Templates.template(Templates.appLabels("ml-training"), "default",
                Templates.container("trainer", "registry.example.com/data/trainer:v3.1.0")
                        .args(List.of("--epochs", "40", "--batch-size", "512"))
                        .resources(Templates.resources("64", "4Gi", "64", "4Gi")));
        pending(Scenario.UNSCHEDULABLE, standalone("data", "ml-training", t, p.now().minusSeconds(1)));
    }

    private V1Pod standalone(String namespace, String name, V1PodTemplateSpec t, OffsetDateTime created) {
        V1Pod pod = PodFactory.fromTemplate(t, namespace, name, null, null, p.naming());
        pod.getMetadata().setCreationTimestamp(created);
        p.create(Resources.PODS, pod);
        return pod;
    }

    private void pending(Scenario scenario, V1Pod pod) {
        PodRef ref = DemoApps.ref(pod);
        scenarios.put(scenario, ref);
        pending.add(ref);
    }
}
