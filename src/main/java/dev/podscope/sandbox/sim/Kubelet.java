package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The kubelets of all three nodes: starts pods bound to a node ({@link PodRun}) and stops pods marked for deletion,
 * then deletes them once their (scaled) grace period is over and no finalizer holds them.
 */
final class Kubelet {
    /** Real processes usually exit on SIGTERM at once; never keep a deleted pod longer than this, in wall time. */
    private static final double MAX_STOP_SECONDS = 3;
    private static final long DEFAULT_GRACE_SECONDS = 30;

    private final SimContext ctx;
    private final Map<String, PodRun> runs = new HashMap<>();
    /** Pods being stopped, by uid: false while containers still run, true once they are stopped. */
    private final Map<String, Boolean> stopping = new HashMap<>();

    Kubelet(SimContext ctx) {
        this.ctx = ctx;
    }

    boolean wantsToStart(V1Pod pod) {
        V1ObjectMeta meta = pod.getMetadata();
        boolean untouched = pod.getStatus() == null || (isEmpty(pod.getStatus().getContainerStatuses())
                && isEmpty(pod.getStatus().getInitContainerStatuses()));
        return pod.getSpec().getNodeName() != null && meta.getDeletionTimestamp() == null && untouched
                && !PodStatuses.isTerminal(pod) && !runs.containsKey(meta.getUid())
                && !stopping.containsKey(meta.getUid());
    }

    void start(V1Pod pod) {
        PodRun run = new PodRun(ctx, pod);
        runs.put(pod.getMetadata().getUid(), run);
        run.begin();
    }

    /** Goes on with a pod that was failing before the simulator started; its next step is in {@code seconds}. */
    void resume(V1Pod pod, double seconds) {
        PodRun run = new PodRun(ctx, pod);
        runs.put(pod.getMetadata().getUid(), run);
        run.resume(seconds);
    }

    /** The pod has a deletionTimestamp: stop its containers, then delete it unless a finalizer holds it. */
    void deletionRequested(V1Pod pod) {
        if (LostNode.isLost(pod.getSpec().getNodeName())) {
            return; // no kubelet answers there: the pod stays Terminating, as on a real cluster
        }
        String uid = pod.getMetadata().getUid();
        Boolean stopped = stopping.get(uid);
        if (stopped != null) {
            if (stopped) {
                deleteIfReleased(pod);
            }
            return;
        }
        PodRun run = runs.remove(uid);
        if (run != null) {
            run.cancel();
        }
        List<String> running = runningContainers(pod);
        if (running.isEmpty()) {
            stopping.put(uid, true);
            deleteIfReleased(pod);
            return;
        }
        stopping.put(uid, false);
        for (String container : running) {
            ctx.events().pod(pod, container, EventRecorder.KUBELET, EventRecorder.NORMAL, "Killing",
                    "Stopping container " + container);
        }
        double grace = ctx.timeline().capped(gracePeriodSeconds(pod), MAX_STOP_SECONDS);
        ctx.timeline().after(grace, () -> stopContainers(pod.getMetadata().getNamespace(),
                pod.getMetadata().getName(), uid));
    }

    void forget(String uid) {
        PodRun run = runs.remove(uid);
        if (run != null) {
            run.cancel();
        }
        stopping.remove(uid);
    }

    private void stopContainers(String namespace, String name, String uid) {
        OffsetDateTime now = ctx.timeline().now();
        StoredObject<V1Pod> stored = ctx.store().modify(Resources.PODS, namespace, name, p -> {
            if (!uid.equals(p.getMetadata().getUid())) {
                return null;
            }
            statuses(p).filter(PodStatuses::isRunning).forEach(cs -> PodStatuses.terminated(cs, 0, "Completed", now));
            PodConditions.refresh(p, now);
            return p;
        });
        stopping.put(uid, true);
        deleteIfReleased(stored.object());
    }

    private void deleteIfReleased(V1Pod seen) {
        V1ObjectMeta meta = seen.getMetadata();
        ctx.store().get(Resources.PODS, meta.getNamespace(), meta.getName())
                .map(StoredObject::object)
                .filter(p -> meta.getUid().equals(p.getMetadata().getUid()))
                .filter(p -> p.getMetadata().getDeletionTimestamp() != null)
                .filter(p -> isEmpty(p.getMetadata().getFinalizers()))
                .ifPresent(p -> ctx.store().delete(Resources.PODS, meta.getNamespace(), meta.getName()));
    }

    private static List<String> runningContainers(V1Pod pod) {
        if (pod.getSpec().getNodeName() == null || PodStatuses.isTerminal(pod)) {
            return List.of();
        }
        return statuses(pod).filter(PodStatuses::isRunning).map(V1ContainerStatus::getName).toList();
    }

    private static Stream<V1ContainerStatus> statuses(V1Pod pod) {
        if (pod.getStatus() == null) {
            return Stream.empty();
        }
        List<V1ContainerStatus> init = pod.getStatus().getInitContainerStatuses();
        List<V1ContainerStatus> app = pod.getStatus().getContainerStatuses();
        return Stream.concat(app == null ? Stream.empty() : app.stream(), init == null ? Stream.empty() : init.stream());
    }

    private static long gracePeriodSeconds(V1Pod pod) {
        Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
        if (grace == null) {
            grace = pod.getSpec().getTerminationGracePeriodSeconds();
        }
        return grace == null ? DEFAULT_GRACE_SECONDS : grace;
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
