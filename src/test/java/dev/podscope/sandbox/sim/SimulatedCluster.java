package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.Snapshot;
import dev.podscope.sandbox.store.StoreEvent;
import dev.podscope.sandbox.store.StoreWatch;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Pod;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/** A store with a running simulator, and waits on store watches (never on the clock) for tests. */
final class SimulatedCluster implements AutoCloseable {
    /** Generous: only a broken simulator reaches it, and the machine running the tests may be busy. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    final ClusterStore store;
    final ClusterSimulator simulator;
    final long startRevision;

    private SimulatedCluster(ClusterStore store, ClusterSimulator simulator, long startRevision) {
        this.store = store;
        this.simulator = simulator;
        this.startRevision = startRevision;
    }

    static SimulatedCluster start(SimulatorOptions options) {
        ClusterStore store = new ClusterStore(Clock.systemUTC(), 200_000, 7);
        long revision = store.revision();
        return new SimulatedCluster(store, ClusterSimulator.start(store, options), revision);
    }

    /** Fast time, for lifecycles. */
    static SimulatedCluster fast() {
        return start(new SimulatorOptions().withTimeScale(0.02).withChurn(false));
    }

    /** Time nearly frozen, for looking at the initial cluster before anything moves. */
    static SimulatedCluster frozen(SimulatorOptions options) {
        return start(options.withTimeScale(10_000));
    }

    PodRef scenario(Scenario scenario) {
        return simulator.scenarioPod(scenario);
    }

    V1Pod pod(PodRef ref) {
        return store.get(Resources.PODS, ref.namespace(), ref.name()).map(StoredObject::object)
                .orElseThrow(() -> new AssertionError("pod " + ref + " does not exist"));
    }

    Optional<V1Pod> findPod(PodRef ref) {
        return store.get(Resources.PODS, ref.namespace(), ref.name()).map(StoredObject::object);
    }

    List<V1Pod> pods(String namespace) {
        return store.list(Resources.PODS, namespace).items().stream().map(StoredObject::object).toList();
    }

    List<CoreV1Event> events(PodRef ref) {
        return store.list(Resources.EVENTS, ref.namespace()).items().stream().map(StoredObject::object)
                .filter(e -> ref.name().equals(e.getInvolvedObject().getName())).toList();
    }

    /** Waits until the pod (or its absence, as null) satisfies the condition, and returns it. */
    V1Pod awaitPod(PodRef ref, String what, Predicate<V1Pod> condition) {
        return await(Resources.PODS, ref.namespace(), what,
                () -> findPod(ref).orElse(null), o -> ref.name().equals(o.getMetadata().getName()),
                condition);
    }

    void awaitGone(PodRef ref) {
        awaitPod(ref, ref + " to be deleted", p -> p == null);
    }

    /** Waits until some object of the type in the namespace satisfies the condition, and returns it. */
    <T extends KubernetesObject> T awaitAny(ResourceType<T> type, String namespace, String what,
                                            Predicate<T> condition) {
        Snapshot<T> snapshot = store.list(type, namespace);
        for (StoredObject<T> item : snapshot.items()) {
            if (condition.test(item.object())) {
                return item.object();
            }
        }
        List<T> found = new ArrayList<>();
        follow(type, namespace, snapshot.revision(), what, event -> {
            @SuppressWarnings("unchecked") T object = (T) event.object();
            if (event.type() != StoreEvent.Type.DELETED && condition.test(object)) {
                found.add(object);
            }
            return !found.isEmpty();
        });
        return found.getFirst();
    }

    /** Every version of a pod from the simulator's start on, until {@code until} holds for one; returns them all. */
    List<V1Pod> historyOf(PodRef ref, Predicate<V1Pod> until) {
        List<V1Pod> versions = new ArrayList<>();
        follow(Resources.PODS, ref.namespace(), startRevision, "history of " + ref, event -> {
            if (event.type() != StoreEvent.Type.DELETED && ref.name().equals(event.name())) {
                V1Pod pod = (V1Pod) event.object();
                versions.add(pod);
                return until.test(pod);
            }
            return false;
        });
        return versions;
    }

    /** Every change of the type in the namespace (null: all) from the simulator's start until now, in order. */
    List<StoreEvent> changesSinceStart(ResourceType<?> type, String namespace) {
        List<StoreEvent> changes = new ArrayList<>();
        try (StoreWatch watch = store.watch(type, namespace, startRevision)) {
            for (StoreEvent event = watch.next(Duration.ZERO); event != null; event = watch.next(Duration.ZERO)) {
                changes.add(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return changes;
    }

    private <T extends KubernetesObject> T await(ResourceType<T> type, String namespace, String what,
                                                 java.util.function.Supplier<T> current, Predicate<T> relevant,
                                                 Predicate<T> condition) {
        long revision = store.revision();
        T now = current.get();
        if (condition.test(now)) {
            return now;
        }
        List<T> result = new ArrayList<>();
        follow(type, namespace, revision, what, event -> {
            @SuppressWarnings("unchecked") T object = (T) event.object();
            if (!relevant.test(object)) {
                return false;
            }
            T value = event.type() == StoreEvent.Type.DELETED ? null : object;
            if (condition.test(value)) {
                result.add(value);
                return true;
            }
            return false;
        });
        return result.getFirst();
    }

    private void follow(ResourceType<?> type, String namespace, long revision, String what,
                        Predicate<StoreEvent> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (StoreWatch watch = store.watch(type, namespace, revision)) {
            while (System.nanoTime() < deadline) {
                StoreEvent event = watch.next(Duration.ofMillis(200));
                if (event != null && done.test(event)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fail("gave up waiting for " + what);
    }

    @Override
    public void close() {
        simulator.stop();
    }
}
