package dev.podscope.sandbox;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Pods in the states whose logs and metrics differ: crash-looping, several containers, waiting, OOM-killed. */
public final class PodStateFixtures {
    private PodStateFixtures() {
    }

    /** Container "checkout" crashed {@code restarts + 1} times and waits in CrashLoopBackOff; its last run lasted 4 s. */
    public static V1Pod crashLooping(String namespace, String name, String node, int restarts) {
        OffsetDateTime now = now();
        V1Container checkout = container("checkout", "registry.example.com/shop/checkout:v4.2.0", "100m", "128Mi",
                "256Mi");
        V1ContainerStatus status = status("checkout", checkout.getImage(), restarts)
                .state(new V1ContainerState().waiting(new V1ContainerStateWaiting().reason("CrashLoopBackOff")
                        .message("back-off 40s restarting failed container=checkout")))
                .lastState(new V1ContainerState().terminated(
                        terminated(1, "Error", now.minusSeconds(44), now.minusSeconds(40))));
        return pod(namespace, name, node, "Always", List.of(checkout), List.of(), List.of(status), List.of(),
                "Running", now.minusMinutes(20));
    }

    /** Two app containers running for ten minutes after an init container that echoed and finished. */
    public static V1Pod twoContainers(String namespace, String name, String node) {
        OffsetDateTime started = now().minusMinutes(10);
        V1Container app = container("app", "registry.example.com/shop/api:v1.2.0", "100m", "128Mi", "256Mi");
        V1Container agent = container("metrics-agent", "registry.example.com/tools/metrics-agent:v0.3.1", "20m",
                "32Mi", "64Mi");
        V1Container setup = new V1Container().name("setup").image("busybox:1.37")
                .command(List.of("sh", "-c", "for i in 1 2 3; do echo preparing config; sleep 1; done"));
        return pod(namespace, name, node, "Always", List.of(app, agent), List.of(setup),
                List.of(running("app", app.getImage(), started), running("metrics-agent", agent.getImage(), started)),
                List.of(status("setup", setup.getImage(), 0).state(new V1ContainerState()
                        .terminated(terminated(0, "Completed", started.minusSeconds(4), started.minusSeconds(1))))),
                "Running", started.minusSeconds(10));
    }

    /** A bound pod whose only container has not started: it waits with {@code reason}. */
    public static V1Pod waiting(String namespace, String name, String node, String reason) {
        V1Container app = container("app", "registry.example.com/shop/payments:v9.9.9", "100m", "128Mi", "256Mi");
        V1ContainerStatus status = status("app", app.getImage(), 0)
                .state(new V1ContainerState().waiting(new V1ContainerStateWaiting().reason(reason)));
        return pod(namespace, name, node, "Always", List.of(app), List.of(), List.of(status), List.of(), "Pending",
                now().minusSeconds(30));
    }

    /** A batch pod (restartPolicy Never) that the OOM killer ended after two minutes. */
    public static V1Pod oomKilled(String namespace, String name, String node) {
        OffsetDateTime finished = now().minusMinutes(30);
        V1Container importer = container("import", "registry.example.com/batch/import-orders:v2.0.1", "500m",
                "256Mi", "256Mi").args(List.of("--file", "s3://imports/orders-2024.csv"));
        V1ContainerStatus status = status("import", importer.getImage(), 0).state(new V1ContainerState()
                .terminated(terminated(137, "OOMKilled", finished.minusMinutes(2), finished)));
        return pod(namespace, name, node, "Never", List.of(importer), List.of(), List.of(status), List.of(),
                "Failed", finished.minusMinutes(3));
    }

    private static V1Pod pod(String namespace, String name, String node, String restartPolicy,
                             List<V1Container> containers, List<V1Container> init, List<V1ContainerStatus> statuses,
                             List<V1ContainerStatus> initStatuses, String phase, OffsetDateTime created) {
        return new V1Pod()
                .metadata(new V1ObjectMeta().namespace(namespace).name(name).labels(Map.of("app", name))
                        .creationTimestamp(created))
                .spec(new V1PodSpec().nodeName(node).restartPolicy(restartPolicy).containers(containers)
                        .initContainers(init.isEmpty() ? null : init))
                .status(new V1PodStatus().phase(phase).podIP("10.244.1.17").startTime(created)
                        .containerStatuses(statuses).initContainerStatuses(initStatuses.isEmpty() ? null : initStatuses));
    }

    private static V1Container container(String name, String image, String cpu, String memory, String memoryLimit) {
        return new V1Container().name(name).image(image).resources(new V1ResourceRequirements()
                .requests(Map.of("cpu", Quantity.fromString(cpu), "memory", Quantity.fromString(memory)))
                .limits(Map.of("memory", Quantity.fromString(memoryLimit))));
    }

    private static V1ContainerStatus running(String name, String image, OffsetDateTime started) {
        return status(name, image, 0).ready(true).started(true)
                .state(new V1ContainerState().running(new V1ContainerStateRunning().startedAt(started)));
    }

    private static V1ContainerStatus status(String name, String image, int restarts) {
        return new V1ContainerStatus().name(name).image(image).imageID("").ready(false).started(false)
                .restartCount(restarts).containerID("containerd://" + Integer.toHexString(name.hashCode()) + restarts);
    }

    private static V1ContainerStateTerminated terminated(int code, String reason, OffsetDateTime started,
                                                         OffsetDateTime finished) {
        return new V1ContainerStateTerminated().exitCode(code).reason(reason).startedAt(started).finishedAt(finished);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    }
}
