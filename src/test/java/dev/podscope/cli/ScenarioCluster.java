package dev.podscope.cli;

import dev.podscope.format.WireJson;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.sim.PodRef;
import dev.podscope.sandbox.sim.Scenario;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The simulated cluster run in fast time until its lifecycle scenarios have reached their failing states (the crash
 * loop backing off, the init containers done), then copied into a store that no simulator changes, so that two
 * programs reading it one after the other see the same objects.
 */
final class ScenarioCluster {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private ScenarioCluster() {
    }

    record Frozen(ClusterStore store, Map<Scenario, PodRef> scenarios) {
        V1Pod pod(Scenario scenario) {
            PodRef ref = scenarios.get(scenario);
            return store.get(Resources.PODS, ref.namespace(), ref.name()).orElseThrow().object();
        }
    }

    static Frozen settle(long seed) throws InterruptedException {
        try (Sandbox sandbox = Sandbox.start(0, new SimulatorOptions().withSeed(seed).withPods(60)
                .withTimeScale(0.05).withChurn(false))) {
            Map<Scenario, PodRef> scenarios = sandbox.simulator().scenarioPods();
            awaitPod(sandbox.store(), scenarios.get(Scenario.INIT_CONTAINERS), "Running",
                    pod -> "Running".equals(pod.getStatus().getPhase()));
            awaitPod(sandbox.store(), scenarios.get(Scenario.OOM_LOOP), "CrashLoopBackOff",
                    pod -> waiting(pod, "CrashLoopBackOff"));
            awaitPod(sandbox.store(), scenarios.get(Scenario.INIT_FAILING), "Init:CrashLoopBackOff",
                    pod -> pod.getStatus() != null && pod.getStatus().getInitContainerStatuses() != null
                            && pod.getStatus().getInitContainerStatuses().stream().anyMatch(s -> s.getState()
                            .getWaiting() != null && "CrashLoopBackOff".equals(s.getState().getWaiting().getReason())));
            awaitPod(sandbox.store(), scenarios.get(Scenario.CRASH_LOOP), "CrashLoopBackOff", pod -> waiting(pod,
                    "CrashLoopBackOff"));
            // last, as its back-off is the shortest yet: the cluster is frozen the moment it backs off
            awaitPod(sandbox.store(), scenarios.get(Scenario.LIVENESS_FAILING), "CrashLoopBackOff",
                    pod -> waiting(pod, "CrashLoopBackOff"));
            sandbox.simulator().stop();
            ClusterStore live = sandbox.store();
            ClusterStore frozen = new ClusterStore(Clock.fixed(live.clock().instant(), ZoneOffset.UTC), 10_000, 11);
            copy(live, frozen, Resources.NAMESPACES);
            copy(live, frozen, Resources.NODES);
            copy(live, frozen, Resources.PODS);
            copy(live, frozen, Resources.EVENTS);
            return new Frozen(frozen, scenarios);
        }
    }

    static boolean waiting(V1Pod pod, String reason) {
        List<V1ContainerStatus> statuses = pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
        return statuses != null && statuses.stream().anyMatch(s -> s.getState() != null
                && s.getState().getWaiting() != null && reason.equals(s.getState().getWaiting().getReason()));
    }

    private static void awaitPod(ClusterStore store, PodRef ref, String what, Predicate<V1Pod> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            V1Pod pod = store.get(Resources.PODS, ref.namespace(), ref.name()).map(StoredObject::object).orElse(null);
            if (pod != null && condition.test(pod)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + ref + " to be " + what);
            }
            Thread.sleep(50);
        }
    }

    private static <T extends KubernetesObject> void copy(ClusterStore from, ClusterStore to, ResourceType<T> type) {
        for (StoredObject<T> stored : from.list(type, null).items()) {
            T object = WireJson.gson().fromJson(new String(stored.json(), StandardCharsets.UTF_8), type.javaType());
            to.create(type, object);
        }
    }
}
