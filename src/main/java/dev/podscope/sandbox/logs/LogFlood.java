package dev.podscope.sandbox.logs;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A running pod whose one container floods its log (see {@link FloodStyle}), for log benchmarks and tests. */
public final class LogFlood {
    public static final String IMAGE = "registry.example.com/bench/" + FloodStyle.IMAGE_NAME + ":v1";
    public static final String CONTAINER = "worker";

    private LogFlood() {
    }

    /** Pod {@code name} on {@code node}, running since {@code started}, writing {@code rate} lines a second. */
    public static V1Pod pod(String namespace, String name, String node, int rate, OffsetDateTime started) {
        return new V1Pod().apiVersion("v1").kind("Pod")
                .metadata(new V1ObjectMeta().namespace(namespace).name(name).labels(Map.of("app", name))
                        .creationTimestamp(started))
                .spec(new V1PodSpec().nodeName(node).restartPolicy("Always").containers(List.of(new V1Container()
                        .name(CONTAINER).image(IMAGE)
                        .env(List.of(new V1EnvVar().name("LOG_RATE").value(Integer.toString(rate)))))))
                .status(new V1PodStatus().phase("Running").podIP("10.244.0.99").startTime(started)
                        .conditions(List.of(new V1PodCondition().type("Ready").status("True")))
                        .containerStatuses(List.of(new V1ContainerStatus().name(CONTAINER).image(IMAGE).imageID("")
                                .ready(true).started(true).restartCount(0)
                                .state(new V1ContainerState().running(new V1ContainerStateRunning().startedAt(started))))));
    }
}
