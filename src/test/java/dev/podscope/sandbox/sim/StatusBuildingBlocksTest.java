package dev.podscope.sandbox.sim;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The small pure pieces the kubelet and scheduler statuses are made of. */
class StatusBuildingBlocksTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2025, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({
            "nginx:1.27.3, docker.io/library/nginx:1.27.3",
            "nginx, docker.io/library/nginx:latest",
            "fluent/fluent-bit:3.2.4, docker.io/fluent/fluent-bit:3.2.4",
            "registry.k8s.io/etcd:3.5.16-0, registry.k8s.io/etcd:3.5.16-0",
            "localhost:5000/app, localhost:5000/app:latest",
            "registry.example.com/shop/payments:v9.9.9, registry.example.com/shop/payments:v9.9.9"})
    void imagesAreReportedFullyQualified(String image, String reported) {
        assertThat(Images.normalize(image)).isEqualTo(reported);
    }

    @Test
    void imageIdsAreStablePerImage() {
        assertThat(Images.imageId("nginx:1.27.3")).matches("docker\\.io/library/nginx@sha256:[0-9a-f]{64}")
                .isEqualTo(Images.imageId("nginx:1.27.3")).isNotEqualTo(Images.imageId("nginx:1.27.2"));
    }

    @ParameterizedTest
    @CsvSource({"10, 10s", "40, 40s", "80, 1m20s", "160, 2m40s", "300, 5m0s"})
    void backOffsArePrintedLikeGoDurations(int seconds, String printed) {
        assertThat(PodRun.goDuration(seconds)).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource({
            "100m, 128Mi, 100m, 128Mi, Guaranteed",
            "100m, 128Mi, 500m, 256Mi, Burstable",
            "100m, 128Mi, , , Burstable"})
    void qosClassFollowsRequestsAndLimits(String cpu, String memory, String cpuLimit, String memoryLimit,
                                          String qos) {
        V1Pod pod = pod(Templates.container("app", "nginx:1.27.3")
                .resources(Templates.resources(cpu, memory, cpuLimit, memoryLimit)));
        assertThat(QosClass.of(pod)).isEqualTo(qos);
    }

    @Test
    void podWithoutResourcesIsBestEffort() {
        assertThat(QosClass.of(pod(Templates.container("app", "nginx:1.27.3")))).isEqualTo("BestEffort");
    }

    @Test
    void conditionsFollowTheContainersAndKeepTransitionTimesWhileUnchanged() {
        V1Pod pod = pod(Templates.container("app", "nginx:1.27.3"));
        pod.getSpec().setInitContainers(new ArrayList<>(List.of(Templates.container("setup", "busybox:1.37"),
                Templates.container("proxy", "envoyproxy/envoy:v1.32.1").restartPolicy("Always"))));
        PodStatuses.bind(pod, NodeSpec.WORKER_1, T0);
        PodStatuses.sandbox(pod, SimNodes.get(NodeSpec.WORKER_1), "10.244.1.9", T0.plusSeconds(1));

        assertThat(condition(pod, "Initialized").getMessage()).isEqualTo("containers with incomplete status: [setup proxy]");
        assertThat(condition(pod, "Ready").getMessage()).isEqualTo("containers with unready status: [proxy app]");
        assertThat(pod.getStatus().getConditions()).extracting(V1PodCondition::getType).containsExactly(
                "PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled");

        PodStatuses.running(PodStatuses.findStatus(pod, "setup"), "containerd://1", T0.plusSeconds(2));
        PodStatuses.terminated(PodStatuses.findStatus(pod, "setup"), 0, "Completed", T0.plusSeconds(3));
        PodStatuses.running(PodStatuses.findStatus(pod, "proxy"), "containerd://2", T0.plusSeconds(4));
        PodConditions.refresh(pod, T0.plusSeconds(4));
        assertThat(condition(pod, "Initialized").getStatus()).isEqualTo("True");
        assertThat(condition(pod, "Initialized").getLastTransitionTime()).isEqualTo(T0.plusSeconds(4));
        assertThat(condition(pod, "Ready").getLastTransitionTime()).isEqualTo(T0.plusSeconds(1));

        PodStatuses.findStatus(pod, "proxy").setReady(true);
        PodStatuses.running(PodStatuses.findStatus(pod, "app"), "containerd://3", T0.plusSeconds(5));
        PodStatuses.findStatus(pod, "app").setReady(true);
        PodConditions.refresh(pod, T0.plusSeconds(6));
        assertThat(condition(pod, "Ready").getStatus()).isEqualTo("True");
        assertThat(condition(pod, "Ready").getLastTransitionTime()).isEqualTo(T0.plusSeconds(6));
        assertThat(condition(pod, "PodScheduled").getLastTransitionTime()).isEqualTo(T0);
    }

    @Test
    void aRestartKeepsTheLastTerminationAndCountsIt() {
        V1Pod pod = pod(Templates.container("app", "nginx:1.27.3"));
        PodStatuses.sandbox(pod, SimNodes.get(NodeSpec.WORKER_2), "10.244.2.9", T0);
        var cs = PodStatuses.findStatus(pod, "app");
        PodStatuses.running(cs, "containerd://a", T0.plusSeconds(1));
        PodStatuses.terminated(cs, 1, "Error", T0.plusSeconds(5));
        PodStatuses.waiting(cs, "CrashLoopBackOff", "back-off 10s restarting failed container=app pod=x_y(z)");
        PodStatuses.running(cs, "containerd://b", T0.plusSeconds(15));

        assertThat(cs.getRestartCount()).isEqualTo(1);
        assertThat(cs.getLastState().getTerminated().getStartedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(cs.getLastState().getTerminated().getFinishedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(cs.getLastState().getTerminated().getContainerID()).isEqualTo("containerd://a");
        assertThat(cs.getState().getRunning().getStartedAt()).isEqualTo(T0.plusSeconds(15));
        assertThat(cs.getContainerID()).isEqualTo("containerd://b");
    }

    private static V1PodCondition condition(V1Pod pod, String type) {
        return PodConditions.find(pod.getStatus(), type);
    }

    private static V1Pod pod(V1Container container) {
        return new V1Pod().metadata(new V1ObjectMeta().name("p").namespace("default").uid("u"))
                .spec(new V1PodSpec().containers(new ArrayList<>(List.of(container))));
    }
}
