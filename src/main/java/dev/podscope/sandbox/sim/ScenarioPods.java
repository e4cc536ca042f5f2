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
 * The pods that show one state each. Those with a lifecycle to watch from its start (init containers, the crash
 * loop, the running Job) are created Pending and unbound a moment ago, so the scheduler and kubelets take them from
 * there; the others have been in their state for hours or days, and the failing ones among them go on failing.
 */
final class ScenarioPods {
    static final String STUCK_FINALIZER = "podscope.dev/stuck";
    static final int COUNT = 6 + ScenarioJobs.COUNT;

    private final PopulationContext p;
    private final Map<Scenario, PodRef> scenarios = new EnumMap<>(Scenario.class);
    private final List<PodRef> pending;
    private final Map<PodRef, Double> resumed;

    private ScenarioPods(PopulationContext p, List<PodRef> pending, Map<PodRef, Double> resumed) {
        this.p = p;
        this.pending = pending;
        this.resumed = resumed;
    }

    /**
     * Creates the scenario pods into {@code scenarios}; adds the pods the scheduler must pick up to {@code pending},
     * and those the kubelet goes on with to {@code resumed}, with the seconds until their next step.
     */
    static void create(PopulationContext p, Map<Scenario, PodRef> scenarios, List<PodRef> pending,
                       Map<PodRef, Double> resumed) {
        ScenarioPods s = new ScenarioPods(p, pending, resumed);
        s.initDemo();
        s.stuckTerminating();
        s.crashLoop();
        s.imagePullBackOff();
        s.notReady();
        s.unschedulable();
        ScenarioJobs.create(p, s.scenarios, pending);
        scenarios.putAll(s.scenarios);
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

    /** A long-lived Deployment whose latest rollout, a moment ago, brought a pod that crashes. */
    private void crashLoop() {
        DeploymentPlan plan = failingDeployment("checkout", "registry.example.com/shop/checkout:v4.2.0",
                Behavior.CRASH_LOOP, p.now().minusSeconds(2));
        V1Pod pod = plan.newPod();
        pod.getMetadata().setCreationTimestamp(p.now().minusSeconds(1));
        plan.write(p, List.of(pod), p.now());
        pending(Scenario.CRASH_LOOP, pod);
    }

    /** Rolled out an image tag that does not exist, an hour or a few ago; still backing off. */
    private void imagePullBackOff() {
        Duration age = Duration.ofMinutes(p.naming().between(70, 240));
        OffsetDateTime created = AgedScenarios.pullingSince(p, age, p.naming().between(10, 60));
        DeploymentPlan plan = failingDeployment("payments", "registry.example.com/shop/payments:v9.9.9",
                Behavior.IMAGE_PULL_FAILS, created.minusSeconds(1));
        V1Pod pod = plan.newPod();
        pod.getMetadata().setCreationTimestamp(created);
        double nextPull = AgedScenarios.imagePullBackOff(p, pod);
        plan.write(p, List.of(pod), created);
        resumed(Scenario.IMAGE_PULL_BACKOFF, pod, nextPull);
    }

    /** Rolled out hours ago, running since, its readiness probe failing all along. */
    private void notReady() {
        OffsetDateTime created = p.ago(Duration.ofMinutes(p.naming().between(120, 420)));
        DeploymentPlan plan = failingDeployment("recommendations", "registry.example.com/shop/recommendations:v3.0.2",
                Behavior.NOT_READY, created.minusSeconds(1));
        V1Pod pod = plan.newPod();
        pod.getMetadata().setCreationTimestamp(created);
        double nextProbe = AgedScenarios.notReady(p, pod, created);
        plan.write(p, List.of(pod), created);
        resumed(Scenario.NOT_READY, pod, nextProbe);
    }

    private DeploymentPlan failingDeployment(String name, String image, Behavior behavior, OffsetDateTime rolledOut) {
        OffsetDateTime created = p.between(p.birth().plusDays(1), p.ago(Duration.ofDays(3)));
        return new DeploymentPlan("shop", name, 1, () -> Templates.withBehavior(
                Templates.template(Templates.appLabels(name), name, Templates.service(name, image, 8080,
                        Templates.resources("100m", "128Mi", "500m", "256Mi"))), behavior),
                p.naming(), created, rolledOut);
    }

    /** Asks for more cpu than any node has; waiting for one since half an hour or more. */
    private void unschedulable() {
        V1PodTemplateSpec t = Templates.template(Templates.appLabels("ml-training"), "default",
                Templates.container("trainer", "registry.example.com/data/trainer:v3.1.0")
                        .args(List.of("--epochs", "40", "--batch-size", "512"))
                        .resources(Templates.resources("64", "4Gi", "64", "4Gi")));
        V1Pod pod = PodFactory.fromTemplate(t, "data", "ml-training", null, null, p.naming());
        OffsetDateTime created = p.ago(Duration.ofMinutes(p.naming().between(25, 180)));
        pod.getMetadata().setCreationTimestamp(created);
        AgedScenarios.unschedulable(p, pod, created);
        p.create(Resources.PODS, pod);
        pending(Scenario.UNSCHEDULABLE, pod);
    }

    private V1Pod standalone(String namespace, String name, V1PodTemplateSpec t, OffsetDateTime created) {
        V1Pod pod = PodFactory.fromTemplate(t, namespace, name, null, null, p.naming());
        pod.getMetadata().setCreationTimestamp(created);
        p.create(Resources.PODS, pod);
        return pod;
    }

    private void resumed(Scenario scenario, V1Pod pod, double seconds) {
        PodRef ref = DemoApps.ref(pod);
        scenarios.put(scenario, ref);
        resumed.put(ref, seconds);
    }

    private void pending(Scenario scenario, V1Pod pod) {
        PodRef ref = DemoApps.ref(pod);
        scenarios.put(scenario, ref);
        pending.add(ref);
    }
}
