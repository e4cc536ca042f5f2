package dev.podscope.pods;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pods built in test code, shaped like what an API server returns. */
public final class TestPods {
    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private TestPods() {
    }

    public static V1Pod running(String namespace, String name, Map<String, String> labels, int restarts, long ageSeconds) {
        V1Pod pod = base(namespace, name, labels, ageSeconds);
        pod.getStatus().phase("Running").addContainerStatusesItem(new V1ContainerStatus()
                .name("main").ready(true).restartCount(restarts).image("nginx").imageID("").started(true)
                .state(new V1ContainerState().running(new V1ContainerStateRunning().startedAt(time(ageSeconds)))));
        return pod;
    }

    public static V1Pod pending(String namespace, String name, long ageSeconds) {
        V1Pod pod = base(namespace, name, Map.of(), ageSeconds);
        pod.getStatus().phase("Pending").podIPs(null);
        pod.getSpec().nodeName(null);
        return pod;
    }

    /** A pod whose only container waits: CrashLoopBackOff runs in phase Running, ImagePullBackOff in Pending. */
    public static V1Pod waiting(String namespace, String name, String phase, String reason, int restarts, long ageSeconds) {
        V1Pod pod = base(namespace, name, Map.of("app", name), ageSeconds);
        pod.getStatus().phase(phase)
                .addContainerStatusesItem(new V1ContainerStatus()
                        .name("main").ready(false).restartCount(restarts).image("nginx").imageID("").started(false)
                        .state(new V1ContainerState().waiting(new V1ContainerStateWaiting().reason(reason))));
        return pod;
    }

    public static V1Pod failed(String namespace, String name, long ageSeconds) {
        V1Pod pod = base(namespace, name, Map.of(), ageSeconds);
        pod.getStatus().phase("Failed");
        return pod;
    }

    private static V1Pod base(String namespace, String name, Map<String, String> labels, long ageSeconds) {
        V1ObjectMeta metadata = new V1ObjectMeta().namespace(namespace).name(name).uid(namespace + "-" + name)
                .labels(new HashMap<>(labels)).creationTimestamp(time(ageSeconds));
        owner(metadata, name);
        return new V1Pod().apiVersion("v1").kind("Pod").metadata(metadata)
                .spec(new V1PodSpec().nodeName("node-1").containers(new ArrayList<>(List.of(new V1Container().name("main").image("nginx")))))
                .status(new V1PodStatus().podIPs(List.of(new V1PodIP().ip("10.0.0." + Math.abs(name.hashCode() % 250)))));
    }

    /** Owners the way controllers name pods: {@code web-7d9f-abcde} from a Deployment's ReplicaSet, {@code db-0}
     * from a StatefulSet, {@code migrate-2q8w} from a Job. */
    private static void owner(V1ObjectMeta metadata, String name) {
        Matcher deployment = Pattern.compile("(.+)-([a-z0-9]{4,10})-([a-z0-9]{4,5})").matcher(name);
        Matcher ordinal = Pattern.compile("(.+)-[0-9]+").matcher(name);
        Matcher job = Pattern.compile("(.+)-([a-z0-9]{4})").matcher(name);
        V1OwnerReference owner = new V1OwnerReference().apiVersion("apps/v1").uid("owner").controller(true);
        if (deployment.matches()) {
            metadata.putLabelsItem("pod-template-hash", deployment.group(2));
            owner.kind("ReplicaSet").name(deployment.group(1) + "-" + deployment.group(2));
        } else if (ordinal.matches()) {
            owner.kind("StatefulSet").name(ordinal.group(1));
        } else if (job.matches()) {
            owner.apiVersion("batch/v1").kind("Job").name(job.group(1));
        } else {
            return;
        }
        metadata.setOwnerReferences(List.of(owner));
    }

    private static OffsetDateTime time(long secondsAgo) {
        return OffsetDateTime.ofInstant(NOW.minusSeconds(secondsAgo), ZoneOffset.UTC);
    }
}
