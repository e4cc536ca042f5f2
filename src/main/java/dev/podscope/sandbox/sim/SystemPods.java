package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1NodeAffinity;
import io.kubernetes.client.openapi.models.V1NodeSelector;
import io.kubernetes.client.openapi.models.V1NodeSelectorRequirement;
import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** kube-system as kind sets it up: coredns, the control plane's static pods, kube-proxy and kindnet on every node. */
final class SystemPods {
    static final int COUNT = 2 + 4 + 2 * SimNodes.ALL.size();
    private static final String NS = "kube-system";
    private static final String K8S = NodeFactory.KUBELET_VERSION;

    private SystemPods() {
    }

    static void create(PopulationContext p) {
        coredns(p);
        staticPod(p, "etcd", "registry.k8s.io/etcd:3.5.16-0", "100m", "100Mi", 0,
                List.of("etcd", "--advertise-client-urls=https://10.89.0.2:2379", "--data-dir=/var/lib/etcd"));
        staticPod(p, "kube-apiserver", "registry.k8s.io/kube-apiserver:" + K8S, "250m", null, 0,
                List.of("kube-apiserver", "--advertise-address=10.89.0.2", "--secure-port=6443"));
        staticPod(p, "kube-controller-manager", "registry.k8s.io/kube-controller-manager:" + K8S, "200m", null,
                p.naming().between(1, 3), List.of("kube-controller-manager", "--leader-elect=true"));
        staticPod(p, "kube-scheduler", "registry.k8s.io/kube-scheduler:" + K8S, "100m", null,
                p.naming().between(1, 3), List.of("kube-scheduler", "--leader-elect=true"));
        daemonSet(p, "kube-proxy", "registry.k8s.io/kube-proxy:" + K8S, null);
        daemonSet(p, "kindnet", "docker.io/kindest/kindnetd:v20241212-9f82dd49", "100m");
    }

    private static void coredns(PopulationContext p) {
        DeploymentPlan plan = new DeploymentPlan(NS, "coredns", 2, () -> {
            V1Container c = Templates.container("coredns", "registry.k8s.io/coredns/coredns:v1.11.3")
                    .args(List.of("-conf", "/etc/coredns/Corefile"))
                    .ports(List.of(Templates.port("dns", 53).protocol("UDP"), Templates.port("dns-tcp", 53),
                            Templates.port("metrics", 9153)))
                    .resources(Templates.resources("100m", "70Mi", null, "170Mi"))
                    .readinessProbe(Templates.httpProbe("/ready", "8181", 0, 10))
                    .livenessProbe(Templates.httpProbe("/health", "8080", 60, 10))
                    .volumeMounts(new ArrayList<>(List.of(
                            new V1VolumeMount().name("config-volume").mountPath("/etc/coredns").readOnly(true))));
            V1PodTemplateSpec t = Templates.template(Templates.appLabels("coredns"), "coredns", c);
            t.getSpec().priorityClassName("system-cluster-critical").nodeSelector(Map.of("kubernetes.io/os", "linux"))
                    .tolerations(List.of(new V1Toleration().key("CriticalAddonsOnly").operator("Exists"),
                            new V1Toleration().key("node-role.kubernetes.io/control-plane").effect("NoSchedule")))
                    .volumes(new ArrayList<>(List.of(new V1Volume().name("config-volume")
                            .configMap(new V1ConfigMapVolumeSource().name("coredns").defaultMode(420)))));
            return t;
        }, p.naming(), p.birth(), p.birth());
        List<V1Pod> pods = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            V1Pod pod = plan.newPod();
            OffsetDateTime created = p.birth().plusSeconds(20 + i);
            pod.getMetadata().setCreationTimestamp(created);
            p.steady().running(pod, NodeSpec.CONTROL_PLANE, created, 0, p.now());
            pods.add(pod);
        }
        plan.write(p, pods, p.birth().plusMinutes(1));
    }

    private static void staticPod(PopulationContext p, String component, String image, String cpu, String memory,
                                  int restarts, List<String> command) {
        String node = NodeSpec.CONTROL_PLANE;
        String hash = p.naming().hex(32);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("kubernetes.io/config.hash", hash);
        annotations.put(PodFactory.MIRROR_ANNOTATION, hash);
        annotations.put("kubernetes.io/config.seen", p.birth().toString());
        annotations.put("kubernetes.io/config.source", "file");
        V1Container c = Templates.container(component, image).command(command)
                .resources(Templates.resources(cpu, memory, null, null));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("component", component);
        labels.put("tier", "control-plane");
        V1PodTemplateSpec t = Templates.template(labels, null, c);
        t.getMetadata().annotations(annotations);
        t.getSpec().hostNetwork(true).priorityClassName("system-node-critical").nodeName(node)
                .securityContext(new V1PodSecurityContext().seccompProfile(new V1SeccompProfile().type("RuntimeDefault")))
                .tolerations(List.of(new V1Toleration().operator("Exists").effect("NoExecute")));
        V1OwnerReference owner = new V1OwnerReference().apiVersion("v1").kind("Node").name(node)
                .uid(p.nodeUids().get(node)).controller(true);
        V1Pod pod = PodFactory.fromTemplate(t, NS, component + "-" + node, null, owner, p.naming());
        OffsetDateTime created = p.birth().plusSeconds(5);
        pod.getMetadata().setCreationTimestamp(created);
        p.steady().running(pod, node, created, restarts, p.now());
        p.create(Resources.PODS, pod);
    }

    private static void daemonSet(PopulationContext p, String name, String image, String guaranteedCpu) {
        String daemonSetUid = p.naming().uid();
        String revisionHash = p.naming().safe(10);
        for (NodeSpec node : SimNodes.ALL) {
            V1Container c = Templates.container(name, image)
                    .resources(guaranteedCpu == null ? null
                            : Templates.resources(guaranteedCpu, "50Mi", guaranteedCpu, "50Mi"));
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("k8s-app", name);
            labels.put("controller-revision-hash", revisionHash);
            labels.put("pod-template-generation", "1");
            V1PodTemplateSpec t = Templates.template(labels, name, c);
            t.getSpec().hostNetwork(true).priorityClassName("system-node-critical")
                    .nodeSelector(Map.of("kubernetes.io/os", "linux"))
                    .tolerations(List.of(new V1Toleration().operator("Exists")))
                    .affinity(new V1Affinity().nodeAffinity(new V1NodeAffinity()
                            .requiredDuringSchedulingIgnoredDuringExecution(new V1NodeSelector().nodeSelectorTerms(
                                    List.of(new V1NodeSelectorTerm().matchFields(List.of(new V1NodeSelectorRequirement()
                                            .key("metadata.name").operator("In").values(List.of(node.name())))))))));
            V1OwnerReference owner = Owners.controller("apps/v1", "DaemonSet", name, daemonSetUid);
            V1Pod pod = PodFactory.fromTemplate(t, NS, name + "-" + p.naming().suffix(), name + "-", owner,
                    p.naming());
            OffsetDateTime created = p.birth().plusSeconds(30 + 40L * node.index());
            pod.getMetadata().setCreationTimestamp(created);
            p.steady().running(pod, node.name(), created, 0, p.now());
            p.create(Resources.PODS, pod);
        }
    }
}
