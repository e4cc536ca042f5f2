package dev.podscope.format;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import java.util.Map;

/** The workload a pod belongs to, as {@code Kind/name}. */
public final class Owners {

    /** What {@link #describe} returns for a pod without owner; the table shows an empty cell. */
    public static final String NONE = "";

    private static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

    private Owners() {
    }

    /**
     * The controlling owner reference (else the first one) as {@code Kind/name}. A ReplicaSet named
     * {@code <deployment>-<pod-template-hash>} is reported as {@code Deployment/<deployment>}; a Job stays
     * {@code Job/<name>} even when a CronJob created it. A static pod's mirror is {@code Node/<node>}.
     */
    public static String describe(V1Pod pod) {
        V1ObjectMeta meta = pod.getMetadata();
        if (meta == null) {
            return NONE;
        }
        V1OwnerReference owner = controllerOrFirst(meta.getOwnerReferences());
        if (owner == null) {
            return isMirror(meta) && pod.getSpec() != null && !Text.isEmpty(pod.getSpec().getNodeName())
                    ? "Node/" + pod.getSpec().getNodeName()
                    : NONE;
        }
        String name = Text.orEmpty(owner.getName());
        if ("ReplicaSet".equals(owner.getKind())) {
            String deployment = deploymentOf(name, meta.getLabels());
            if (deployment != null) {
                return "Deployment/" + deployment;
            }
        }
        return Text.orEmpty(owner.getKind()) + "/" + name;
    }

    private static V1OwnerReference controllerOrFirst(List<V1OwnerReference> owners) {
        if (owners == null || owners.isEmpty()) {
            return null;
        }
        for (V1OwnerReference owner : owners) {
            if (Boolean.TRUE.equals(owner.getController())) {
                return owner;
            }
        }
        return owners.getFirst();
    }

    private static String deploymentOf(String replicaSet, Map<String, String> labels) {
        String hash = labels == null ? null : labels.get("pod-template-hash");
        if (Text.isEmpty(hash)) {
            return null;
        }
        int cut = replicaSet.length() - hash.length() - 1;
        if (cut <= 0 || replicaSet.charAt(cut) != '-' || !replicaSet.endsWith(hash)) {
            return null;
        }
        return replicaSet.substring(0, cut);
    }

    private static boolean isMirror(V1ObjectMeta meta) {
        return meta.getAnnotations() != null && meta.getAnnotations().containsKey(MIRROR_ANNOTATION);
    }
}
