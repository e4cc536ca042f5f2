package dev.podscope.cli;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NamespaceStatus;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodReadinessGate;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A store of hand-made pods whose clock stands still, so that the API server renders the same AGE and
 * "(Ns ago)" cells for every request: kubectl and podscope can then be compared byte for byte.
 * <p>
 * The pods named in {@link #COARSE} only show ages of whole hours or days (offsets sit mid-hour), so they also render
 * the same when podscope prints them from a file with the real clock a little later.
 */
final class StaticCluster {
    static final List<String> COARSE = List.of("web-7d4b9c5f6d-x2kqp", "orders-0", "report-28871-5xk2p");

    private final Instant now;
    private final ClusterStore store;

    StaticCluster() {
        this.now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        this.store = new ClusterStore(Clock.fixed(now, ZoneOffset.UTC), 10_000, 7);
        for (String name : List.of("default", "kube-system", "shop", "quiet")) {
            store.create(Resources.NAMESPACES, new V1Namespace().metadata(new V1ObjectMeta().name(name)
                            .labels(Map.of("kubernetes.io/metadata.name", name)).creationTimestamp(ago(Duration.ofDays(40))))
                    .status(new V1NamespaceStatus().phase("Active")));
        }
        for (String name : List.of("node-a", "node-b")) {
            store.create(Resources.NODES, new V1Node().metadata(new V1ObjectMeta().name(name)
                            .labels(Map.of("kubernetes.io/hostname", name)).creationTimestamp(ago(Duration.ofDays(40))))
                    .status(new V1NodeStatus().conditions(List.of(
                            new V1NodeCondition().type("Ready").status("True").reason("KubeletReady")))));
        }
        pods().forEach(pod -> store.create(Resources.PODS, pod));
    }

    ClusterStore store() {
        return store;
    }

    /**
     * Adds a namespace with {@code count} running pods, more than one 500-pod page; names grow longer towards the
     * end, so that a later page has the widest NAME cell.
     */
    StaticCluster withBulkNamespace(String namespace, int count) {
        store.create(Resources.NAMESPACES, new V1Namespace().metadata(new V1ObjectMeta().name(namespace)
                .labels(Map.of("kubernetes.io/metadata.name", namespace)).creationTimestamp(ago(Duration.ofDays(40))))
                .status(new V1NamespaceStatus().phase("Active")));
        for (int i = 0; i < count; i++) {
            String name = String.format("bulk-%04d", i) + (i % 97 == 96 ? "-" + "x".repeat(i / 40) : "");
            V1Pod pod = running(namespace, name, i % 2 == 0 ? "node-a" : "node-b", "10.245." + i / 250 + "." + i % 250,
                    Duration.ofDays(1 + i % 30).plusMinutes(30), Map.of("app", "bulk", "shard", Integer.toString(i % 3)));
            if (i % 7 == 0) {
                restart(pod, i % 11 + 1, Duration.ofHours(10 + i % 30).plusMinutes(30));
            }
            store.create(Resources.PODS, pod);
        }
        return this;
    }

    private List<V1Pod> pods() {
        List<V1Pod> pods = new ArrayList<>();
        pods.add(running("shop", "web-7d4b9c5f6d-x2kqp", "node-a", "10.244.1.12",
                Duration.ofDays(3).plusHours(5).plusMinutes(30), Map.of("app", "web", "tier", "front")));
        V1Pod restarted = running("shop", "web-7d4b9c5f6d-q8zfn", "node-b", "10.244.2.7",
                Duration.ofMinutes(5).plusSeconds(10), Map.of("app", "web", "tier", "front"));
        restart(restarted, 3, Duration.ofSeconds(45));
        pods.add(restarted);
        pods.add(crashLooping("shop", "cart-5c8f7b6d9-lm2nw", Duration.ofHours(2).plusMinutes(14)));
        pods.add(creating("shop", "db-0", Duration.ofSeconds(12)));
        V1Pod orders = running("shop", "orders-0", "node-b", "10.244.2.9", Duration.ofDays(12).plusHours(3).plusMinutes(30),
                Map.of("app", "orders"));
        restart(orders, 1, Duration.ofHours(30).plusMinutes(30));
        pods.add(orders);
        pods.add(completed("shop", "report-28871-5xk2p", Duration.ofDays(400).plusHours(12)));
        pods.add(gated("shop", "search-6b9d8c7f5-tt4rp", Duration.ofMinutes(42)));
        V1Pod leaving = running("shop", "legacy-api-0", "node-a", "10.244.1.30", Duration.ofDays(1).plusHours(20),
                Map.of("app", "legacy"));
        leaving.getMetadata().deletionTimestamp(ago(Duration.ofSeconds(20))).deletionGracePeriodSeconds(30L);
        pods.add(leaving);
        pods.add(running("default", "busybox", "node-a", "10.244.1.3", Duration.ofHours(7).plusMinutes(5),
                Map.of("run", "busybox")));
        pods.add(running("kube-system", "coredns-668d6bf9bc-7hx4d", "node-a", "10.244.0.2",
                Duration.ofDays(39), Map.of("k8s-app", "kube-dns")));
        return pods;
    }

    private V1Pod base(String namespace, String name, Duration age, Map<String, String> labels) {
        return new V1Pod()
                .metadata(new V1ObjectMeta().namespace(namespace).name(name).labels(labels).creationTimestamp(ago(age)))
                .spec(new V1PodSpec().restartPolicy("Always").terminationGracePeriodSeconds(30L)
                        .containers(new ArrayList<>(List.of(new V1Container().name("app").image("registry.example/" + name.split("-")[0] + ":1.4")))))
                .status(new V1PodStatus().phase("Pending").qosClass("BestEffort"));
    }

    private V1Pod running(String namespace, String name, String node, String ip, Duration age, Map<String, String> labels) {
        V1Pod pod = base(namespace, name, age, labels);
        pod.getSpec().nodeName(node);
        pod.getStatus().phase("Running").hostIP("192.168.49.2").podIP(ip).podIPs(List.of(new V1PodIP().ip(ip)))
                .startTime(ago(age))
                .conditions(conditions("True"))
                .containerStatuses(new ArrayList<>(List.of(new V1ContainerStatus().name("app").image("nginx:1.27")
                        .imageID("docker.io/library/nginx@sha256:0a1b").ready(true).started(true).restartCount(0)
                        .state(new V1ContainerState().running(new V1ContainerStateRunning().startedAt(ago(age)))))));
        return pod;
    }

    private void restart(V1Pod pod, int restarts, Duration lastAgo) {
        V1ContainerStatus status = pod.getStatus().getContainerStatuses().getFirst();
        status.restartCount(restarts)
                .state(new V1ContainerState().running(new V1ContainerStateRunning().startedAt(ago(lastAgo))))
                .lastState(new V1ContainerState().terminated(new V1ContainerStateTerminated().exitCode(137)
                        .reason("OOMKilled").startedAt(ago(lastAgo.plusMinutes(30))).finishedAt(ago(lastAgo))));
    }

    private V1Pod crashLooping(String namespace, String name, Duration age) {
        V1Pod pod = running(namespace, name, "node-b", "10.244.2.15", age, Map.of("app", "cart", "tier", "back"));
        pod.getStatus().conditions(conditions("False"));
        pod.getStatus().getContainerStatuses().getFirst().ready(false).started(false).restartCount(12)
                .state(new V1ContainerState().waiting(new V1ContainerStateWaiting().reason("CrashLoopBackOff")
                        .message("back-off 5m0s restarting failed container=app")))
                .lastState(new V1ContainerState().terminated(new V1ContainerStateTerminated().exitCode(1)
                        .reason("Error").startedAt(ago(Duration.ofMinutes(3))).finishedAt(ago(Duration.ofMinutes(2)))));
        return pod;
    }

    private V1Pod creating(String namespace, String name, Duration age) {
        V1Pod pod = base(namespace, name, age, Map.of("app", "db"));
        pod.getSpec().nodeName("node-a");
        pod.getStatus().hostIP("192.168.49.2").startTime(ago(age)).conditions(List.of(
                        new V1PodCondition().type("PodScheduled").status("True")))
                .containerStatuses(new ArrayList<>(List.of(new V1ContainerStatus().name("app").image("postgres:17")
                        .imageID("").ready(false).started(false).restartCount(0)
                        .state(new V1ContainerState().waiting(new V1ContainerStateWaiting().reason("ContainerCreating"))))));
        return pod;
    }

    private V1Pod completed(String namespace, String name, Duration age) {
        V1Pod pod = base(namespace, name, age, Map.of("app", "report", "job-name", "report-28871"));
        pod.getSpec().nodeName("node-b").restartPolicy("Never");
        pod.getStatus().phase("Succeeded").hostIP("192.168.49.3").podIPs(List.of(new V1PodIP().ip("10.244.2.40")))
                .podIP("10.244.2.40").startTime(ago(age)).conditions(conditions("False"))
                .containerStatuses(new ArrayList<>(List.of(new V1ContainerStatus().name("app").image("busybox:1.36")
                        .imageID("").ready(false).started(false).restartCount(0)
                        .state(new V1ContainerState().terminated(new V1ContainerStateTerminated().exitCode(0)
                                .reason("Completed").startedAt(ago(age)).finishedAt(ago(age.minusMinutes(1))))))));
        return pod;
    }

    /** Unscheduled, nominated for a node, with a readiness gate: fills the wide columns. */
    private V1Pod gated(String namespace, String name, Duration age) {
        V1Pod pod = base(namespace, name, age, Map.of("app", "search", "tier", "back"));
        pod.getSpec().readinessGates(List.of(new V1PodReadinessGate().conditionType("example.com/lb-ready")));
        pod.getStatus().nominatedNodeName("node-b").conditions(List.of(new V1PodCondition().type("PodScheduled")
                .status("False").reason("Unschedulable").message("0/2 nodes are available: 2 Insufficient cpu.")));
        return pod;
    }

    private static List<V1PodCondition> conditions(String ready) {
        return List.of(new V1PodCondition().type("PodScheduled").status("True"),
                new V1PodCondition().type("Initialized").status("True"),
                new V1PodCondition().type("ContainersReady").status(ready),
                new V1PodCondition().type("Ready").status(ready));
    }

    private OffsetDateTime ago(Duration duration) {
        return OffsetDateTime.ofInstant(now.minus(duration), ZoneOffset.UTC);
    }
}
