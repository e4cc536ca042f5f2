package dev.podscope.sandbox.containers;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A running pod that serves a TCP echo and a byte source ({@link BulkServer}), for port-forward benchmarks. */
public final class TransferPod {
    public static final int ECHO_PORT = 7;
    public static final int BULK_PORT = 9000;
    private static final String CONTAINER = "transfer";
    private static final String IMAGE = "registry.example.com/bench/transfer:v1";

    private TransferPod() {
    }

    /** Pod {@code name} on {@code node}, running since {@code started}. */
    public static V1Pod pod(String namespace, String name, String node, OffsetDateTime started) {
        return new V1Pod().apiVersion("v1").kind("Pod")
                .metadata(new V1ObjectMeta().namespace(namespace).name(name).labels(Map.of("app", name))
                        .creationTimestamp(started))
                .spec(new V1PodSpec().nodeName(node).restartPolicy("Always").containers(List.of(new V1Container()
                        .name(CONTAINER).image(IMAGE).ports(List.of(
                                new V1ContainerPort().name("echo").containerPort(ECHO_PORT).protocol("TCP"),
                                new V1ContainerPort().name("bulk").containerPort(BULK_PORT).protocol("TCP"))))))
                .status(new V1PodStatus().phase("Running").podIP("10.244.0.98").startTime(started)
                        .conditions(List.of(new V1PodCondition().type("Ready").status("True")))
                        .containerStatuses(List.of(new V1ContainerStatus().name(CONTAINER).image(IMAGE).imageID("")
                                .ready(true).started(true).restartCount(0)
                                .state(new V1ContainerState().running(new V1ContainerStateRunning().startedAt(started))))));
    }

    /** The first {@code count} bytes a request to the bulk port answers with (for checking a transfer). */
    public static byte[] bulkBytes(int count) {
        byte[] pattern = BulkServer.pattern();
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i += pattern.length) {
            System.arraycopy(pattern, 0, bytes, i, Math.min(pattern.length, count - i));
        }
        return bytes;
    }
}
