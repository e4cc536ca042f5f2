package dev.podscope.logs;

import dev.podscope.sandbox.PodStateFixtures;
import dev.podscope.sandbox.SandboxFixtures;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The pods the log tests read, written straight into a sandbox store. */
final class LogPods {
    static final String NS = "shop";

    private LogPods() {
    }

    /**
     * web-0 (nginx), checkout-7d9c5 (crash-looping, 3 restarts), api-5f6b8 (init container setup, app and
     * metrics-agent), colours-1 (a colourful logger writing {@code rate} lines/s), and Deployment cart with pods
     * cart-a and cart-b.
     */
    static ClusterStore cluster(int colourRate) {
        ClusterStore store = SandboxFixtures.emptyCluster(1000);
        store.create(Resources.PODS, SandboxFixtures.runningPod(NS, "web-0", "node-1", Map.of("app", "web")));
        store.create(Resources.PODS, PodStateFixtures.crashLooping(NS, "checkout-7d9c5", "node-1", 3));
        store.create(Resources.PODS, PodStateFixtures.twoContainers(NS, "api-5f6b8", "node-2"));
        store.create(Resources.PODS, flood(NS, "colours-1", colourRate));
        store.create(Resources.DEPLOYMENTS, new V1Deployment().apiVersion("apps/v1").kind("Deployment")
                .metadata(new V1ObjectMeta().namespace(NS).name("cart"))
                .spec(new V1DeploymentSpec().replicas(2).selector(new V1LabelSelector().matchLabels(Map.of("app", "cart")))
                        .template(new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(Map.of("app", "cart"))))));
        for (String name : List.of("cart-a", "cart-b")) {
            V1Pod pod = SandboxFixtures.runningPod(NS, name, "node-2", Map.of("app", "cart"));
            pod.getSpec().getContainers().getFirst().image("registry.example.com/shop/cart:v1.8.0");
            store.create(Resources.PODS, pod);
        }
        return store;
    }

    /** A running pod whose container floods its log with ANSI-coloured lines at {@code rate} lines/s. */
    static V1Pod flood(String namespace, String name, int rate) {
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(30).withNano(0);
        V1Pod pod = SandboxFixtures.runningPod(namespace, name, "node-1", Map.of("app", name));
        pod.getSpec().containers(List.of(new V1Container().name("worker")
                .image("registry.example.com/bench/log-flood:v1")
                .env(List.of(new V1EnvVar().name("LOG_RATE").value(Integer.toString(rate))))));
        pod.getStatus().containerStatuses(List.of(new V1ContainerStatus().name("worker")
                .image("registry.example.com/bench/log-flood:v1").imageID("").ready(true).started(true).restartCount(0)
                .state(new V1ContainerState().running(new V1ContainerStateRunning().startedAt(started)))));
        return pod;
    }
}
