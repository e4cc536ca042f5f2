package dev.podscope.sandbox.sim;

import dev.podscope.format.PodSummary;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class InitialPopulationTest {

    @Test
    void demoClusterHasFiveNamespacesThreeNodesAndFortyPods() {
        try (SimulatedCluster c = SimulatedCluster.frozen(new SimulatorOptions())) {
            assertThat(c.store.list(Resources.NAMESPACES, null).items()).extracting(s -> s.object().getMetadata().getName())
                    .containsExactlyInAnyOrder("default", "kube-system", "shop", "batch", "data");
            assertThat(c.store.list(Resources.NAMESPACES, null).items())
                    .allSatisfy(s -> assertThat(s.object().getStatus().getPhase()).isEqualTo("Active"));
            assertThat(c.store.list(Resources.NODES, null).items()).hasSize(4);
            assertThat(c.pods(null)).hasSize(SimulatorOptions.DEFAULT_PODS);
            assertThat(c.simulator.scenarioPods()).containsOnlyKeys(Scenario.values());
        }
    }

    @Test
    void nodesLookLikeKindNodes() {
        try (SimulatedCluster c = SimulatedCluster.frozen(new SimulatorOptions())) {
            Map<String, V1Node> nodes = c.store.list(Resources.NODES, null).items().stream().map(StoredObject::object)
                    .collect(Collectors.toMap(n -> n.getMetadata().getName(), n -> n, (a, b) -> a,
                            java.util.HashMap::new));
            assertThat(nodes).containsOnlyKeys("sandbox-control-plane", "sandbox-worker-1", "sandbox-worker-2",
                    "sandbox-worker-3");
            V1Node lost = nodes.remove("sandbox-worker-3");
            assertThat(lost.getStatus().getConditions()).allSatisfy(cond -> {
                assertThat(cond.getStatus()).isEqualTo("Unknown");
                assertThat(cond.getMessage()).isEqualTo("Kubelet stopped posting node status.");
            });
            assertThat(lost.getSpec().getTaints()).extracting(t -> t.getKey() + ":" + t.getEffect()).containsExactly(
                    "node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute");
            assertThat(nodes.get("sandbox-control-plane").getMetadata().getLabels())
                    .containsKey("node-role.kubernetes.io/control-plane");
            assertThat(nodes.get("sandbox-worker-1").getMetadata().getLabels())
                    .doesNotContainKey("node-role.kubernetes.io/control-plane");
            for (V1Node node : nodes.values()) {
                assertThat(node.getStatus().getAddresses()).anySatisfy(a -> {
                    assertThat(a.getType()).isEqualTo("InternalIP");
                    assertThat(a.getAddress()).matches("10\\.89\\.0\\.\\d+");
                });
                assertThat(node.getStatus().getConditions()).anySatisfy(cond -> {
                    assertThat(cond.getType()).isEqualTo("Ready");
                    assertThat(cond.getStatus()).isEqualTo("True");
                });
                assertThat(node.getStatus().getNodeInfo().getKubeletVersion()).startsWith("v1.32.");
                assertThat(node.getStatus().getNodeInfo().getContainerRuntimeVersion()).startsWith("containerd://1.7.");
                assertThat(node.getStatus().getNodeInfo().getOsImage()).isNotBlank();
                assertThat(node.getStatus().getNodeInfo().getKernelVersion()).isNotBlank();
                assertThat(node.getStatus().getCapacity()).containsKeys("cpu", "memory", "pods");
                assertThat(node.getStatus().getAllocatable()).containsKeys("cpu", "memory", "pods");
            }
        }
    }

    @Test
    void deploymentPodsBelongToReplicaSetsThatBelongToDeployments() {
        try (SimulatedCluster c = SimulatedCluster.frozen(new SimulatorOptions())) {
            List<V1ReplicaSet> replicaSets = c.store.list(Resources.REPLICASETS, null).items().stream()
                    .map(StoredObject::object).toList();
            assertThat(replicaSets).isNotEmpty();
            for (V1ReplicaSet rs : replicaSets) {
                String namespace = rs.getMetadata().getNamespace();
                V1OwnerReference owner = rs.getMetadata().getOwnerReferences().getFirst();
                assertThat(owner.getKind()).isEqualTo("Deployment");
                assertThat(owner.getController()).isTrue();
                V1Deployment deployment = c.store.get(Resources.DEPLOYMENTS, namespace, owner.getName()).orElseThrow()
                        .object();
                assertThat(owner.getUid()).isEqualTo(deployment.getMetadata().getUid());
                String hash = rs.getMetadata().getLabels().get("pod-template-hash");
                assertThat(rs.getMetadata().getName()).isEqualTo(deployment.getMetadata().getName() + "-" + hash);

                List<V1Pod> pods = c.pods(namespace).stream()
                        .filter(p -> Owners.controlledBy(p, rs.getMetadata().getUid())).toList();
                assertThat(pods).hasSize(rs.getSpec().getReplicas());
                for (V1Pod pod : pods) {
                    assertThat(pod.getMetadata().getName()).matches(rs.getMetadata().getName() + "-[a-z0-9]{5}");
                    assertThat(pod.getMetadata().getLabels()).containsEntry("pod-template-hash", hash);
                    V1OwnerReference podOwner = pod.getMetadata().getOwnerReferences().getFirst();
                    assertThat(podOwner.getKind()).isEqualTo("ReplicaSet");
                    assertThat(podOwner.getApiVersion()).isEqualTo("apps/v1");
                    assertThat(podOwner.getController()).isTrue();
                }
                long ready = pods.stream().filter(p -> PodConditions.isTrue(p, "Ready")).count();
                assertThat(rs.getStatus().getReplicas()).isEqualTo(pods.size());
                assertThat(rs.getStatus().getReadyReplicas() == null ? 0 : rs.getStatus().getReadyReplicas())
                        .isEqualTo((int) ready);
            }
        }
    }

    @Test
    void runningPodsHaveCompleteRealisticStatuses() {
        try (SimulatedCluster c = SimulatedCluster.frozen(new SimulatorOptions())) {
            V1Pod pod = c.pod(c.scenario(Scenario.RUNNING));
            assertThat(pod.getMetadata().getNamespace()).isEqualTo("default");
            assertThat(pod.getMetadata().getName()).matches("web-[a-z0-9]{9,10}-[a-z0-9]{5}");
            assertThat(pod.getSpec().getNodeName()).startsWith("sandbox-worker-");
            assertThat(pod.getSpec().getServiceAccountName()).isNotBlank();
            assertThat(pod.getSpec().getTolerations()).isNotEmpty();
            assertThat(pod.getSpec().getContainers().getFirst().getImage()).isEqualTo("nginx:1.27.3");
            assertThat(pod.getSpec().getContainers().getFirst().getPorts()).extracting(p -> p.getName())
                    .containsExactly("http", "metrics");
            assertThat(pod.getSpec().getContainers().getFirst().getReadinessProbe()).isNotNull();
            assertThat(pod.getSpec().getContainers().getFirst().getLivenessProbe()).isNotNull();
            assertThat(pod.getSpec().getContainers().getFirst().getResources().getLimits()).containsKeys("cpu", "memory");
            assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
            assertThat(pod.getStatus().getPodIP()).matches("10\\.244\\.\\d+\\.\\d+");
            assertThat(pod.getStatus().getHostIP()).matches("10\\.89\\.0\\.\\d+");
            assertThat(pod.getStatus().getStartTime()).isNotNull();
            assertThat(pod.getStatus().getQosClass()).isEqualTo("Burstable");
            assertThat(pod.getStatus().getConditions()).extracting(V1PodCondition::getType)
                    .contains("PodScheduled", "Initialized", "ContainersReady", "Ready");
            assertThat(pod.getStatus().getConditions()).allSatisfy(cond -> {
                assertThat(cond.getStatus()).isEqualTo("True");
                assertThat(cond.getLastTransitionTime()).isNotNull();
            });
            V1ContainerStatus cs = pod.getStatus().getContainerStatuses().getFirst();
            assertThat(cs.getImage()).isEqualTo("docker.io/library/nginx:1.27.3");
            assertThat(cs.getImageID()).matches("docker\\.io/library/nginx@sha256:[0-9a-f]{64}");
            assertThat(cs.getContainerID()).matches("containerd://[0-9a-f]{64}");
            assertThat(cs.getStarted()).isTrue();
            assertThat(cs.getReady()).isTrue();
            assertThat(cs.getState().getRunning().getStartedAt()).isAfter(pod.getMetadata().getCreationTimestamp());
        }
    }

    @Test
    void initialPodsAreBackdatedAndSomeHaveRestarted() {
        try (SimulatedCluster c = SimulatedCluster.frozen(new SimulatorOptions().withPods(300))) {
            OffsetDateTime dayAgo = c.store.now().minus(Duration.ofDays(1));
            List<V1Pod> steady = c.pods(null).stream().filter(p -> PodConditions.isTrue(p, "Ready")).toList();
            assertThat(steady).allSatisfy(p -> assertThat(p.getMetadata().getCreationTimestamp()).isBefore(c.store.now()));
            assertThat(steady.stream().filter(p -> p.getMetadata().getCreationTimestamp().isBefore(dayAgo)).count())
                    .isGreaterThan(steady.size() / 2);
            List<V1ContainerStatus> restarted = steady.stream().flatMap(p -> p.getStatus().getContainerStatuses().stream())
                    .filter(cs -> cs.getRestartCount() > 0).toList();
            assertThat(restarted).isNotEmpty().allSatisfy(cs -> {
                assertThat(cs.getLastState().getTerminated().getFinishedAt())
                        .isBefore(cs.getState().getRunning().getStartedAt());
                assertThat(cs.getLastState().getTerminated().getExitCode()).isNotZero();
            });
        }
    }

    @Test
    void finishedScenarioPodsStartInTheirFinalStates() {
        try (SimulatedCluster c = SimulatedCluster.frozen(new SimulatorOptions())) {
            V1Pod stuck = c.pod(c.scenario(Scenario.STUCK_TERMINATING));
            assertThat(c.scenario(Scenario.STUCK_TERMINATING)).hasToString("default/stuck-terminating");
            assertThat(stuck.getMetadata().getDeletionTimestamp()).isBefore(c.store.now());
            assertThat(stuck.getMetadata().getFinalizers()).containsExactly("podscope.dev/stuck");

            V1Pod failed = c.pod(c.scenario(Scenario.FAILED));
            assertThat(c.scenario(Scenario.FAILED)).hasToString("batch/import-orders");
            assertThat(failed.getSpec().getRestartPolicy()).isEqualTo("Never");
            assertThat(failed.getStatus().getPhase()).isEqualTo("Failed");
            assertThat(failed.getStatus().getContainerStatuses().getFirst().getState().getTerminated().getExitCode())
                    .isEqualTo(137);

            V1Pod report = c.pod(c.scenario(Scenario.JOB_COMPLETED));
            assertThat(report.getMetadata().getName()).matches("nightly-report-[a-z0-9]{5}");
            assertThat(report.getStatus().getPhase()).isEqualTo("Succeeded");
            assertThat(report.getStatus().getContainerStatuses().getFirst().getState().getTerminated().getReason())
                    .isEqualTo("Completed");
            assertThat(PodConditions.find(report.getStatus(), "Ready").getReason()).isEqualTo("PodCompleted");
            V1Job job = c.store.get(Resources.JOBS, "batch", "nightly-report").orElseThrow().object();
            assertThat(report.getMetadata().getOwnerReferences().getFirst().getUid())
                    .isEqualTo(job.getMetadata().getUid());
            assertThat(job.getStatus().getSucceeded()).isEqualTo(1);
            assertThat(job.getStatus().getCompletionTime()).isNotNull();

            V1Pod frontend = c.pod(c.scenario(Scenario.SIDECAR));
            V1ContainerStatus sidecar = frontend.getStatus().getInitContainerStatuses().getFirst();
            assertThat(frontend.getSpec().getInitContainers().getFirst().getRestartPolicy()).isEqualTo("Always");
            assertThat(sidecar.getStarted()).isTrue();
            assertThat(sidecar.getReady()).isTrue();
            assertThat(frontend.getStatus().getContainerStatuses()).allSatisfy(cs -> assertThat(cs.getReady()).isTrue());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "RUNNING, 1/1, Running",
            "SIDECAR, 2/2, Running",
            "STUCK_TERMINATING, 0/1, Terminating",
            "FAILED, 0/1, OOMKilled",
            "JOB_COMPLETED, 0/1, Completed",
            "INIT_CONTAINERS, 0/1, Pending",
            "UNSCHEDULABLE, 0/1, Pending",
            "NOT_READY, 0/1, Running",
            "IMAGE_PULL_BACKOFF, 0/1, ImagePullBackOff"})
    void scenarioPodsStartWithTheirKubectlStatus(Scenario scenario, String ready, String status) {
        try (SimulatedCluster c = SimulatedCluster.frozen(new SimulatorOptions())) {
            PodSummary summary = PodSummary.of(c.pod(c.scenario(scenario)));
            assertThat(summary.readyContainers() + "/" + summary.totalContainers()).isEqualTo(ready);
            assertThat(summary.reason()).isEqualTo(status);
        }
    }

    @Test
    void failingScenarioPodsHaveBeenFailingForHoursWithEventsToMatch() {
        try (SimulatedCluster c = SimulatedCluster.frozen(new SimulatorOptions())) {
            OffsetDateTime now = c.store.now();

            V1Pod notReady = c.pod(c.scenario(Scenario.NOT_READY));
            long notReadyAge = Duration.between(notReady.getMetadata().getCreationTimestamp(), now).getSeconds();
            assertThat(notReadyAge).isBetween(2 * 3600L, 7 * 3600L);
            assertThat(PodSummary.of(notReady).restarts()).isZero();
            CoreV1Event unhealthy = onlyEvent(c, Scenario.NOT_READY, "Unhealthy");
            long probing = Duration.between(unhealthy.getFirstTimestamp(), unhealthy.getLastTimestamp()).getSeconds();
            assertThat(unhealthy.getCount()).isEqualTo((int) (probing / 10) + 1);
            assertThat(Duration.between(unhealthy.getLastTimestamp(), now).getSeconds()).isBetween(0L, 9L);
            assertThat(Duration.between(notReady.getMetadata().getCreationTimestamp(), unhealthy.getFirstTimestamp())
                    .getSeconds()).isBetween(4L, 60L);

            V1Pod pulling = c.pod(c.scenario(Scenario.IMAGE_PULL_BACKOFF));
            long pullingAge = Duration.between(pulling.getMetadata().getCreationTimestamp(), now).getSeconds();
            assertThat(pullingAge).isBetween(3600L, 4 * 3600L + 600);
            List<CoreV1Event> events = c.events(c.scenario(Scenario.IMAGE_PULL_BACKOFF));
            assertThat(events).extracting(CoreV1Event::getReason)
                    .containsExactlyInAnyOrder("Pulling", "Failed", "Failed", "BackOff", "Failed");
            CoreV1Event pulls = onlyEvent(c, Scenario.IMAGE_PULL_BACKOFF, "Pulling");
            // back-offs of 10, 20, 40, 80 and 160 seconds, then one pull every five minutes (and two seconds)
            long capped = Duration.between(pulls.getFirstTimestamp(), pulls.getLastTimestamp()).getSeconds() - 320;
            assertThat(pulls.getCount()).isEqualTo(6 + (int) (capped / 302));
            assertThat(capped % 302).isZero();
            assertThat(events).allSatisfy(e -> assertThat(e.getCount()).isEqualTo(pulls.getCount()));
            assertThat(Duration.between(pulls.getLastTimestamp(), now).getSeconds()).isBetween(240L, 295L);

            V1Pod unschedulable = c.pod(c.scenario(Scenario.UNSCHEDULABLE));
            assertThat(Duration.between(unschedulable.getMetadata().getCreationTimestamp(), now).toMinutes())
                    .isBetween(25L, 180L);
            assertThat(PodConditions.find(unschedulable.getStatus(), "PodScheduled").getReason())
                    .isEqualTo("Unschedulable");
            CoreV1Event failedScheduling = onlyEvent(c, Scenario.UNSCHEDULABLE, "FailedScheduling");
            assertThat(failedScheduling.getCount()).isGreaterThan(20).isEqualTo(1 + (int) (Duration.between(
                    failedScheduling.getFirstTimestamp(), failedScheduling.getLastTimestamp()).getSeconds() / 60));

            V1Deployment payments = c.store.get(Resources.DEPLOYMENTS, "shop", "payments").orElseThrow().object();
            assertThat(payments.getStatus().getConditions()).anySatisfy(cd -> {
                assertThat(cd.getType()).isEqualTo("Progressing");
                assertThat(cd.getStatus()).isEqualTo("False");
                assertThat(cd.getReason()).isEqualTo("ProgressDeadlineExceeded");
            });
        }
    }

    @Test
    void podsWhoseLifecycleIsToBeWatchedAreCreatedAMomentAgo() {
        try (SimulatedCluster c = SimulatedCluster.frozen(new SimulatorOptions())) {
            for (Scenario s : List.of(Scenario.INIT_CONTAINERS, Scenario.CRASH_LOOP, Scenario.JOB_RUNS_TO_COMPLETION)) {
                OffsetDateTime created = c.pod(c.scenario(s)).getMetadata().getCreationTimestamp();
                assertThat(Duration.between(created, c.store.now()).getSeconds()).as(s.name()).isBetween(0L, 10L);
            }
        }
    }

    @Test
    void lifecycleScenarioPodsStartPendingAndUnbound() {
        try (SimulatedCluster c = SimulatedCluster.frozen(new SimulatorOptions())) {
            assertThat(c.scenario(Scenario.INIT_CONTAINERS)).hasToString("default/init-demo");
            assertThat(c.scenario(Scenario.UNSCHEDULABLE)).hasToString("data/ml-training");
            assertThat(c.scenario(Scenario.CRASH_LOOP).name()).matches("checkout-[a-z0-9]{9,10}-[a-z0-9]{5}");
            assertThat(c.scenario(Scenario.IMAGE_PULL_BACKOFF).name()).startsWith("payments-");
            assertThat(c.scenario(Scenario.NOT_READY).name()).startsWith("recommendations-");
            assertThat(c.scenario(Scenario.JOB_RUNS_TO_COMPLETION).name()).matches("db-backup-[a-z0-9]{5}");
            for (Scenario s : List.of(Scenario.INIT_CONTAINERS, Scenario.UNSCHEDULABLE, Scenario.CRASH_LOOP,
                    Scenario.JOB_RUNS_TO_COMPLETION)) {
                V1Pod pod = c.pod(c.scenario(s));
                assertThat(pod.getStatus().getPhase()).as(s.name()).isEqualTo("Pending");
                assertThat(pod.getSpec().getNodeName()).as(s.name()).isNull();
            }
            assertThat(c.pod(c.scenario(Scenario.INIT_CONTAINERS)).getSpec().getInitContainers()).hasSize(2);
        }
    }

    @Test
    void tenThousandPodsOverTwentyNamespaces() {
        try (SimulatedCluster c = SimulatedCluster.frozen(new SimulatorOptions().withPods(10_000).withNamespaces(20))) {
            List<V1Namespace> namespaces = c.store.list(Resources.NAMESPACES, null).items().stream()
                    .map(StoredObject::object).toList();
            assertThat(namespaces).hasSize(20);
            List<V1Pod> pods = c.pods(null);
            assertThat(pods).hasSize(10_000);
            Map<String, Long> perNamespace = pods.stream()
                    .collect(Collectors.groupingBy(p -> p.getMetadata().getNamespace(), Collectors.counting()));
            assertThat(perNamespace).hasSize(20);
            assertThat(perNamespace.values()).allSatisfy(n -> assertThat(n).isGreaterThan(10));
            Set<String> ips = new HashSet<>();
            pods.stream().filter(p -> p.getStatus().getPodIP() != null && !Boolean.TRUE.equals(p.getSpec().getHostNetwork()))
                    .forEach(p -> assertThat(ips.add(p.getStatus().getPodIP())).as(p.getStatus().getPodIP()).isTrue());
            assertThat(ips).hasSizeGreaterThan(9_900);
            assertThat(Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("podscope-simulator"))).hasSize(2);
        }
    }

    private static CoreV1Event onlyEvent(SimulatedCluster c, Scenario scenario, String reason) {
        List<CoreV1Event> events = c.events(c.scenario(scenario)).stream().filter(e -> reason.equals(e.getReason()))
                .toList();
        assertThat(events).as(reason + " events of " + scenario).hasSize(1);
        return events.getFirst();
    }

    @Test
    void sameSeedBuildsTheSameCluster() {
        SimulatorOptions options = new SimulatorOptions().withPods(200).withNamespaces(8);
        String first = describe(options);
        assertThat(describe(options)).isEqualTo(first);
        assertThat(describe(options.withSeed(7))).isNotEqualTo(first);
    }

    /** Names, owners, labels, specs and pod IPs of every pod: everything but the wall-clock times. */
    private static String describe(SimulatorOptions options) {
        try (SimulatedCluster c = SimulatedCluster.frozen(options)) {
            return c.pods(null).stream().map(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName()
                    + " " + p.getMetadata().getUid() + " " + p.getMetadata().getLabels() + " "
                    + JSON.serialize(p.getMetadata().getOwnerReferences()) + " " + JSON.serialize(p.getSpec())
                    + " " + p.getStatus().getPodIP()).collect(Collectors.joining("\n"));
        }
    }
}
