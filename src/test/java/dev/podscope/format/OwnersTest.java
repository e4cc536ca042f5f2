package dev.podscope.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OwnersTest {

    static Stream<Arguments> owners() {
        Map<String, String> hash = Map.of("pod-template-hash", "5d8f7c9b4");
        return Stream.of(
                Arguments.of("ReplicaSet of a Deployment", pod(hash, controller("ReplicaSet", "web-5d8f7c9b4")),
                        "Deployment/web"),
                Arguments.of("hyphenated Deployment name", pod(hash, controller("ReplicaSet", "my-web-app-5d8f7c9b4")),
                        "Deployment/my-web-app"),
                Arguments.of("hash label that is not the suffix", pod(hash, controller("ReplicaSet", "web-abc")),
                        "ReplicaSet/web-abc"),
                Arguments.of("suffix without the dash", pod(hash, controller("ReplicaSet", "web5d8f7c9b4")),
                        "ReplicaSet/web5d8f7c9b4"),
                Arguments.of("name that is only the hash", pod(hash, controller("ReplicaSet", "5d8f7c9b4")),
                        "ReplicaSet/5d8f7c9b4"),
                Arguments.of("bare ReplicaSet", pod(Map.of(), controller("ReplicaSet", "cache")), "ReplicaSet/cache"),
                Arguments.of("Job created by a CronJob", pod(Map.of(), controller("Job", "backup-28930560")),
                        "Job/backup-28930560"),
                Arguments.of("StatefulSet", pod(Map.of(), controller("StatefulSet", "db")), "StatefulSet/db"),
                Arguments.of("DaemonSet", pod(Map.of(), controller("DaemonSet", "x")), "DaemonSet/x"),
                Arguments.of("mirror pod owned by its node", pod(Map.of(), controller("Node", "kind-control-plane")),
                        "Node/kind-control-plane"),
                Arguments.of("controller wins over an earlier owner",
                        pod(Map.of(), owner("ConfigMap", "cfg", false), controller("StatefulSet", "db")),
                        "StatefulSet/db"),
                Arguments.of("first owner without controller", pod(Map.of(), owner("Workflow", "wf-1", false)),
                        "Workflow/wf-1"),
                Arguments.of("no owner", pod(Map.of()), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("owners")
    void describesTheOwningWorkload(String name, V1Pod pod, String expected) {
        assertThat(Owners.describe(pod)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mirrors")
    void staticPodMirrorWithoutOwnerReferenceBelongsToItsNode(String name, V1Pod pod, String expected) {
        assertThat(Owners.describe(pod)).isEqualTo(expected);
    }

    static Stream<Arguments> mirrors() {
        V1Pod mirror = pod(Map.of()).spec(new V1PodSpec().nodeName("node-1"));
        mirror.getMetadata().putAnnotationsItem("kubernetes.io/config.mirror", "a1b2");
        V1Pod unscheduled = pod(Map.of());
        unscheduled.getMetadata().putAnnotationsItem("kubernetes.io/config.mirror", "a1b2");
        return Stream.of(
                Arguments.of("mirror annotation", mirror, "Node/node-1"),
                Arguments.of("mirror annotation without node", unscheduled, ""),
                Arguments.of("no metadata", new V1Pod(), ""));
    }

    private static V1Pod pod(Map<String, String> labels, V1OwnerReference... owners) {
        return new V1Pod().metadata(new V1ObjectMeta().name("p").labels(labels).ownerReferences(List.of(owners)));
    }

    private static V1OwnerReference controller(String kind, String name) {
        return owner(kind, name, true);
    }

    private static V1OwnerReference owner(String kind, String name, boolean controller) {
        return new V1OwnerReference().kind(kind).name(name).controller(controller).apiVersion("v1").uid("u");
    }
}
