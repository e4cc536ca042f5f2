package dev.podscope.sandbox.sim;

import io.kubernetes.client.openapi.models.V1ConfigMapProjection;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1DownwardAPIProjection;
import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeFile;
import io.kubernetes.client.openapi.models.V1KeyToPath;
import io.kubernetes.client.openapi.models.V1ObjectFieldSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ProjectedVolumeSource;
import io.kubernetes.client.openapi.models.V1ServiceAccountTokenProjection;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.openapi.models.V1VolumeProjection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

/**
 * Pods made from a template the way the API server admits them: generated name, owner, uid, and what the admission
 * plugins add (service account token volume, default not-ready/unreachable tolerations, priority).
 */
final class PodFactory {
    static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";
    private static final String TOKEN_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

    private PodFactory() {
    }

    /** A new Pending pod; the template becomes the pod's and must not be used again. */
    static V1Pod fromTemplate(V1PodTemplateSpec template, String namespace, String name, String generateName,
                              V1OwnerReference owner, Naming naming) {
        V1ObjectMeta source = template.getMetadata() == null ? new V1ObjectMeta() : template.getMetadata();
        V1ObjectMeta meta = new V1ObjectMeta().name(name).generateName(generateName).namespace(namespace)
                .uid(naming.uid())
                .labels(source.getLabels() == null ? null : new LinkedHashMap<>(source.getLabels()))
                .annotations(source.getAnnotations() == null ? null : new LinkedHashMap<>(source.getAnnotations()))
                .ownerReferences(owner == null ? null : new ArrayList<>(List.of(owner)));
        V1Pod pod = new V1Pod().apiVersion("v1").kind("Pod").metadata(meta).spec(template.getSpec());
        admit(pod, naming);
        pod.setStatus(new V1PodStatus().phase(PodStatuses.PENDING).qosClass(QosClass.of(pod)));
        return pod;
    }

    private static void admit(V1Pod pod, Naming naming) {
        V1PodSpec spec = pod.getSpec();
        boolean mirror = pod.getMetadata().getAnnotations() != null
                && pod.getMetadata().getAnnotations().containsKey(MIRROR_ANNOTATION);
        spec.enableServiceLinks(true).preemptionPolicy("PreemptLowerPriority");
        if (spec.getPriority() == null) {
            spec.setPriority(priority(spec.getPriorityClassName()));
        }
        if (!mirror) {
            if (spec.getServiceAccountName() == null) {
                spec.setServiceAccountName("default");
            }
            spec.setServiceAccount(spec.getServiceAccountName());
            addTokenVolume(spec, naming);
        }
        List<V1Toleration> tolerations = spec.getTolerations() == null ? new ArrayList<>()
                : new ArrayList<>(spec.getTolerations());
        for (String key : List.of("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable")) {
            boolean covered = tolerations.stream().anyMatch(t -> key.equals(t.getKey())
                    || (t.getKey() == null && "Exists".equals(t.getOperator())));
            if (!covered) {
                tolerations.add(new V1Toleration().key(key).operator("Exists").effect("NoExecute")
                        .tolerationSeconds(300L));
            }
        }
        spec.setTolerations(tolerations);
    }

    private static void addTokenVolume(V1PodSpec spec, Naming naming) {
        String volume = "kube-api-access-" + naming.safe(5);
        V1ProjectedVolumeSource projected = new V1ProjectedVolumeSource().defaultMode(420).sources(List.of(
                new V1VolumeProjection().serviceAccountToken(
                        new V1ServiceAccountTokenProjection().expirationSeconds(3607L).path("token")),
                new V1VolumeProjection().configMap(new V1ConfigMapProjection().name("kube-root-ca.crt")
                        .items(List.of(new V1KeyToPath().key("ca.crt").path("ca.crt")))),
                new V1VolumeProjection().downwardAPI(new V1DownwardAPIProjection().items(List.of(
                        new V1DownwardAPIVolumeFile().path("namespace").fieldRef(
                                new V1ObjectFieldSelector().apiVersion("v1").fieldPath("metadata.namespace")))))));
        List<V1Volume> volumes = spec.getVolumes() == null ? new ArrayList<>() : new ArrayList<>(spec.getVolumes());
        volumes.add(new V1Volume().name(volume).projected(projected));
        spec.setVolumes(volumes);
        List<V1Container> init = spec.getInitContainers() == null ? List.of() : spec.getInitContainers();
        Stream.concat(init.stream(), spec.getContainers().stream()).forEach(c -> {
            List<V1VolumeMount> mounts = c.getVolumeMounts() == null ? new ArrayList<>()
                    : new ArrayList<>(c.getVolumeMounts());
            mounts.add(new V1VolumeMount().name(volume).mountPath(TOKEN_PATH).readOnly(true));
            c.setVolumeMounts(mounts);
        });
    }

    private static int priority(String priorityClassName) {
        if ("system-node-critical".equals(priorityClassName)) {
            return 2_000_001_000;
        }
        return "system-cluster-critical".equals(priorityClassName) ? 2_000_000_000 : 0;
    }
}
