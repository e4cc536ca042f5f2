package dev.podscope.sandbox.sim;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1OwnerReference;

import java.util.List;
import java.util.Optional;

/** Controller owner references, as controllers set them on what they create. */
final class Owners {
    private Owners() {
    }

    static V1OwnerReference controller(String apiVersion, String kind, String name, String uid) {
        return new V1OwnerReference().apiVersion(apiVersion).kind(kind).name(name).uid(uid)
                .controller(true).blockOwnerDeletion(true);
    }

    static Optional<V1OwnerReference> controllerOf(KubernetesObject object) {
        List<V1OwnerReference> refs = object.getMetadata().getOwnerReferences();
        if (refs == null) {
            return Optional.empty();
        }
        return refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
    }

    static boolean controlledBy(KubernetesObject object, String uid) {
        return controllerOf(object).map(r -> uid.equals(r.getUid())).orElse(false);
    }
}
