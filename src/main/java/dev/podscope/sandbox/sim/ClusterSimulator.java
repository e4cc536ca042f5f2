package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;

import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A simulated cluster on top of a {@link ClusterStore}: it fills the store with nodes, namespaces, workloads and
 * pods (the same ones for the same seed), then plays scheduler, controllers and kubelets — scenario pods go through
 * their lifecycles, pods created through the API get scheduled and run, deleted pods are stopped and removed, and
 * ReplicaSets replace the pods they lose.
 * <p>
 * Two daemon threads: {@code podscope-simulator} runs every step; {@code podscope-simulator-watch} follows the pod
 * watch and hands changes to it. Nothing runs per pod, so a large, quiet cluster costs no CPU.
 */
public final class ClusterSimulator implements AutoCloseable {
    private final SimulatorOptions options;
    private final Map<Scenario, PodRef> scenarioPods;
    private final ScheduledThreadPoolExecutor executor;
    private final PodWatchLoop watchLoop;

    private ClusterSimulator(SimulatorOptions options, Map<Scenario, PodRef> scenarioPods,
                             ScheduledThreadPoolExecutor executor, PodWatchLoop watchLoop) {
        this.options = options;
        this.scenarioPods = Map.copyOf(scenarioPods);
        this.executor = executor;
        this.watchLoop = watchLoop;
    }

    /**
     * Populates the store (synchronously: when this returns, the initial cluster is there) and starts the
     * simulation. The store should be empty.
     */
    public static ClusterSimulator start(ClusterStore store, SimulatorOptions options) {
        Naming naming = new Naming(options.seed());
        SimNodes nodes = new SimNodes();
        InitialPopulation.Result population = InitialPopulation.create(store, naming, nodes, options);
        long populated = store.revision();

        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                r -> Thread.ofPlatform().daemon().name("podscope-simulator").unstarted(r));
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        Timeline timeline = new Timeline(executor, store, options.timeScale());
        SimContext ctx = new SimContext(store, timeline, new EventRecorder(store), nodes, naming);
        Scheduler scheduler = new Scheduler(ctx);
        WorkloadControllers controllers = new WorkloadControllers(ctx);
        Kubelet kubelet = new Kubelet(ctx);
        EndpointsController endpoints = new EndpointsController(ctx);
        PodReactions reactions = new PodReactions(ctx, scheduler, kubelet, controllers, endpoints);

        PodWatchLoop watchLoop = new PodWatchLoop(store, populated,
                event -> timeline.soon(() -> reactions.on(event)), () -> timeline.soon(reactions::resync));
        watchLoop.start();
        timeline.soon(() -> population.pending().forEach(ref -> store.get(Resources.PODS, ref.namespace(), ref.name())
                .map(StoredObject::object).ifPresent(scheduler::schedule)));
        timeline.soon(() -> population.resumed().forEach((ref, seconds) -> store.get(Resources.PODS, ref.namespace(),
                ref.name()).map(StoredObject::object).ifPresent(pod -> kubelet.resume(pod, seconds))));
        timeline.soon(endpoints::resync);
        EventExpiry.start(timeline, store);
        if (options.churn()) {
            timeline.soon(() -> RollingRestarts.start(ctx, controllers.deployments(), options.seed()));
        }
        return new ClusterSimulator(options, population.scenarioPods(), executor, watchLoop);
    }

    public SimulatorOptions options() {
        return options;
    }

    /**
     * The scenario pods of the initial cluster. Pods owned by a ReplicaSet get a new name when they are deleted
     * and replaced; the map keeps the initial names.
     */
    public Map<Scenario, PodRef> scenarioPods() {
        return scenarioPods;
    }

    public PodRef scenarioPod(Scenario scenario) {
        return scenarioPods.get(scenario);
    }

    /** Stops all simulation; the store keeps its objects as they are. */
    public void stop() {
        watchLoop.stop();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
