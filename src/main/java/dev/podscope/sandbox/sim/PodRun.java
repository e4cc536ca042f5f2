package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoreException;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Probe;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One pod's life on its kubelet, from sandbox creation on: init containers in order, sidecars, image pulls, the
 * main container's {@link Behavior} (readiness, crash loop with back-off, completion, image pull back-off).
 * Each step is scheduled on the simulator thread; a run ends when its pod is deleted or marked for deletion.
 */
final class PodRun {
    static final double MAX_BACK_OFF = 300;
    static final double FIRST_BACK_OFF = 10;
    private static final double INIT_RUN_SECONDS = 3;

    private final SimContext ctx;
    private final String uid;
    private final String namespace;
    private final String name;
    private final String node;
    private final Behavior behavior;
    private final List<V1Container> initContainers;
    private final List<V1Container> containers;
    private final String restartPolicy;
    private final boolean hostNetwork;
    private V1Pod current;
    private boolean cancelled;
    private double crashBackOff = FIRST_BACK_OFF;
    private int exits;
    private double pullBackOff = FIRST_BACK_OFF;

    PodRun(SimContext ctx, V1Pod pod) {
        this.ctx = ctx;
        this.current = pod;
        this.uid = pod.getMetadata().getUid();
        this.namespace = pod.getMetadata().getNamespace();
        this.name = pod.getMetadata().getName();
        this.node = pod.getSpec().getNodeName();
        this.behavior = Behavior.of(pod);
        this.initContainers = PodStatuses.initContainers(pod);
        this.containers = pod.getSpec().getContainers();
        this.restartPolicy = pod.getSpec().getRestartPolicy() == null ? "Always" : pod.getSpec().getRestartPolicy();
        this.hostNetwork = Boolean.TRUE.equals(pod.getSpec().getHostNetwork());
    }

    void begin() {
        after(0.4, this::createSandbox);
    }

    /**
     * Takes over a pod the initial cluster left failing since long before: its next readiness probe, or its next
     * pull once the back-off (long since at its five-minute cap) is over, comes in {@code seconds}.
     */
    void resume(double seconds) {
        V1Container main = containers.getFirst();
        switch (behavior) {
            case NOT_READY -> probeFails(main, seconds);
            case IMAGE_PULL_FAILS -> {
                pullBackOff = MAX_BACK_OFF;
                after(seconds, () -> pullFails(main));
            }
            default -> throw new IllegalArgumentException("a pod that " + behavior.value() + " has nothing to resume");
        }
    }

    void cancel() {
        cancelled = true;
    }

    private void createSandbox() {
        NodeSpec spec = SimNodes.get(node);
        String ip = hostNetwork ? spec.internalIp() : ctx.nodes().nextPodIp(node);
        update(p -> PodStatuses.sandbox(p, spec, ip, now()));
        startInit(0);
    }

    private void startInit(int index) {
        if (index == initContainers.size()) {
            startApp(0);
            return;
        }
        V1Container c = initContainers.get(index);
        if (index == 0 && behavior == Behavior.INIT_HANGS && !PodStatuses.isSidecar(c)) {
            pullAndStart(c, () -> { });
            return;
        }
        if (index == 0 && behavior == Behavior.INIT_FAILS && !PodStatuses.isSidecar(c)) {
            pullAndStart(c, () -> after(behavior.runSeconds(), () -> exited(c, behavior)));
            return;
        }
        pullAndStart(c, () -> {
            if (PodStatuses.isSidecar(c)) {
                after(readyDelay(c), () -> {
                    update(p -> markReady(p, c));
                    startInit(index + 1);
                });
            } else {
                after(INIT_RUN_SECONDS, () -> {
                    update(p -> {
                        PodStatuses.terminated(status(p, c), 0, "Completed", now());
                        PodConditions.refresh(p, now());
                    });
                    startInit(index + 1);
                });
            }
        });
    }

    private void startApp(int index) {
        if (index == containers.size()) {
            return;
        }
        V1Container c = containers.get(index);
        Behavior b = index == 0 ? behavior : Behavior.RUNS;
        if (b == Behavior.IMAGE_PULL_FAILS) {
            pullFails(c);
            startApp(index + 1);
            return;
        }
        pullAndStart(c, () -> {
            whenStarted(c, b);
            startApp(index + 1);
        });
    }

    private void pullAndStart(V1Container c, Runnable started) {
        String image = c.getImage();
        if (!Images.alwaysPulled(image, c.getImagePullPolicy()) && ctx.nodes().hasImage(node, image)) {
            event(c, EventRecorder.NORMAL, "Pulled", "Container image \"" + image + "\" already present on machine");
            after(0.3, () -> createAndStart(c, started));
            return;
        }
        event(c, EventRecorder.NORMAL, "Pulling", KubeletEvents.pulling(image));
        double seconds = ctx.naming().uniform(1.2, 4.8);
        after(seconds, () -> {
            ctx.nodes().rememberImage(node, image);
            event(c, EventRecorder.NORMAL, "Pulled", String.format(Locale.ROOT,
                    "Successfully pulled image \"%s\" in %.3fs (%.3fs including waiting). Image size: %d bytes.",
                    image, seconds, seconds, Images.sizeBytes(image)));
            createAndStart(c, started);
        });
    }

    private void createAndStart(V1Container c, Runnable started) {
        event(c, EventRecorder.NORMAL, "Created", "Created container: " + c.getName());
        event(c, EventRecorder.NORMAL, "Started", "Started container " + c.getName());
        String containerId = ctx.naming().containerId();
        update(p -> {
            PodStatuses.running(status(p, c), containerId, now());
            if (containers.contains(c)) {
                p.getStatus().setPhase(PodStatuses.RUNNING);
            }
            PodConditions.refresh(p, now());
        });
        started.run();
    }

    private void whenStarted(V1Container c, Behavior b) {
        switch (b) {
            case NOT_READY -> probeFails(c, readyDelay(c));
            case CRASH_LOOP, COMPLETES, OOM_KILLED -> after(b.runSeconds(), () -> exited(c, b));
            case LIVENESS_FAILS -> {
                after(readyDelay(c), () -> update(p -> markReady(p, c)));
                after(b.runSeconds(), () -> livenessFails(c, b, 1));
            }
            default -> after(readyDelay(c), () -> update(p -> markReady(p, c)));
        }
    }

    private void probeFails(V1Container c, double delay) {
        after(delay, () -> {
            event(c, EventRecorder.WARNING, "Unhealthy", KubeletEvents.READINESS_FAILED);
            probeFails(c, probePeriod(c.getReadinessProbe()));
        });
    }

    /** One failed liveness probe; at the failure threshold the kubelet kills the container. */
    private void livenessFails(V1Container c, Behavior b, int failures) {
        V1Probe probe = c.getLivenessProbe();
        int threshold = probe == null || probe.getFailureThreshold() == null ? 3 : probe.getFailureThreshold();
        event(c, EventRecorder.WARNING, "Unhealthy", KubeletEvents.LIVENESS_FAILED);
        if (failures < threshold) {
            after(probePeriod(probe), () -> livenessFails(c, b, failures + 1));
            return;
        }
        event(c, EventRecorder.NORMAL, "Killing", "Container " + c.getName()
                + " failed liveness probe, will be restarted");
        after(1, () -> exited(c, b));
    }

    private void exited(V1Container c, Behavior b) {
        boolean restarts = "Always".equals(restartPolicy) || ("OnFailure".equals(restartPolicy) && b.exitCode() != 0);
        update(p -> {
            PodStatuses.terminated(status(p, c), b.exitCode(), b.exitReason(), now());
            if (!restarts && initContainers.contains(c)) {
                p.getStatus().setPhase(PodStatuses.FAILED);
            } else if (!restarts && containers.stream().noneMatch(other -> PodStatuses.isRunning(status(p, other)))) {
                boolean allZero = containers.stream().allMatch(other -> PodStatuses.completedSuccessfully(status(p, other)));
                p.getStatus().setPhase(allZero ? PodStatuses.SUCCEEDED : PodStatuses.FAILED);
            }
            PodConditions.refresh(p, now());
        });
        if (restarts) {
            // The kubelet's back-off starts with the first restart: that one happens at its next sync, while the
            // pod shows Error; every later exit waits in CrashLoopBackOff (10 s, doubling up to five minutes).
            exits++;
            after(1, exits == 1 ? () -> restart(c, b) : () -> crashBackOff(c, b));
        }
    }

    private void crashBackOff(V1Container c, Behavior b) {
        int seconds = (int) crashBackOff;
        crashBackOff = Math.min(crashBackOff * 2, MAX_BACK_OFF);
        update(p -> {
            PodStatuses.waiting(status(p, c), "CrashLoopBackOff", "back-off " + goDuration(seconds)
                    + " restarting failed container=" + c.getName() + " pod=" + podDescription());
            PodConditions.refresh(p, now());
        });
        event(c, EventRecorder.WARNING, "BackOff",
                "Back-off restarting failed container " + c.getName() + " in pod " + podDescription());
        after(seconds, () -> restart(c, b));
    }

    private void restart(V1Container c, Behavior b) {
        if (initContainers.contains(c)) {
            pullAndStart(c, () -> after(b.runSeconds(), () -> exited(c, b)));
            return;
        }
        pullAndStart(c, () -> whenStarted(c, b));
    }

    private void pullFails(V1Container c) {
        String image = c.getImage();
        event(c, EventRecorder.NORMAL, "Pulling", KubeletEvents.pulling(image));
        after(ctx.naming().uniform(0.8, 2.0), () -> {
            String error = Images.notFoundError(image);
            event(c, EventRecorder.WARNING, "Failed", KubeletEvents.pullFailed(image));
            event(c, EventRecorder.WARNING, "Failed", KubeletEvents.ERR_IMAGE_PULL);
            update(p -> PodStatuses.waiting(status(p, c), "ErrImagePull", error));
            after(1, () -> pullBackOff(c));
        });
    }

    private void pullBackOff(V1Container c) {
        int seconds = (int) pullBackOff;
        pullBackOff = Math.min(pullBackOff * 2, MAX_BACK_OFF);
        String message = KubeletEvents.pullBackOff(c.getImage());
        // upstream records this BackOff as Normal; the Failed event beside it is the Warning
        event(c, EventRecorder.NORMAL, "BackOff", message);
        event(c, EventRecorder.WARNING, "Failed", KubeletEvents.IMAGE_PULL_BACK_OFF);
        update(p -> PodStatuses.waiting(status(p, c), "ImagePullBackOff", message));
        after(seconds, () -> pullFails(c));
    }

    private void markReady(V1Pod pod, V1Container c) {
        V1ContainerStatus cs = status(pod, c);
        if (PodStatuses.isRunning(cs)) {
            cs.setReady(true);
        }
        PodConditions.refresh(pod, now());
    }

    private void update(Consumer<V1Pod> change) {
        if (cancelled) {
            return;
        }
        boolean[] applied = {false};
        try {
            StoredObject<V1Pod> stored = ctx.store().modify(Resources.PODS, namespace, name, p -> {
                if (!uid.equals(p.getMetadata().getUid()) || p.getMetadata().getDeletionTimestamp() != null) {
                    return null;
                }
                change.accept(p);
                applied[0] = true;
                return p;
            });
            current = stored.object();
        } catch (StoreException gone) {
            applied[0] = false;
        }
        cancelled = !applied[0];
    }

    private void event(V1Container c, String type, String reason, String message) {
        if (!cancelled) {
            ctx.events().pod(current, c.getName(), EventRecorder.KUBELET, type, reason, message);
        }
    }

    private void after(double seconds, Runnable step) {
        ctx.timeline().after(seconds, () -> {
            if (!cancelled) {
                step.run();
            }
        });
    }

    private OffsetDateTime now() {
        return ctx.timeline().now();
    }

    private String podDescription() {
        return name + "_" + namespace + "(" + uid + ")";
    }

    private static V1ContainerStatus status(V1Pod pod, V1Container c) {
        return PodStatuses.findStatus(pod, c.getName());
    }

    private static double readyDelay(V1Container c) {
        V1Probe probe = c.getReadinessProbe();
        if (probe == null) {
            return 0.5;
        }
        int initial = probe.getInitialDelaySeconds() == null ? 0 : probe.getInitialDelaySeconds();
        return initial + 1.0;
    }

    private static double probePeriod(V1Probe probe) {
        return probe == null || probe.getPeriodSeconds() == null ? 10 : probe.getPeriodSeconds();
    }

    /** A duration as Go's time.Duration prints whole seconds: 10s, 1m20s, 5m0s. */
    static String goDuration(int seconds) {
        return seconds < 60 ? seconds + "s" : seconds / 60 + "m" + seconds % 60 + "s";
    }
}
