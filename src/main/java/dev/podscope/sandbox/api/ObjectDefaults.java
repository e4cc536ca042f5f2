package dev.podscope.sandbox.api;

import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NamespaceSpec;
import io.kubernetes.client.openapi.models.V1NamespaceStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;

import java.nio.charset.StandardCharsets;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the API server adds to objects created through it. */
final class ObjectDefaults {
    private ObjectDefaults() {
    }

    static void onCreate(ResourceType<?> type, KubernetesObject object) {
        if (type == Resources.PODS) {
            PodDefaults.apply((V1Pod) object);
        } else if (type == Resources.NAMESPACES) {
            V1Namespace namespace = (V1Namespace) object;
            Map<String, String> labels = new HashMap<>(Objects.requireNonNullElse(namespace.getMetadata().getLabels(),
                    Map.of()));
            labels.put("kubernetes.io/metadata.name", namespace.getMetadata().getName());
            namespace.getMetadata().setLabels(labels);
            namespace.setSpec(new V1NamespaceSpec().finalizers(List.of("kubernetes")));
            namespace.setStatus(new V1NamespaceStatus().phase("Active"));
        } else if (type == Resources.SECRETS) {
            secret((V1Secret) object);
        }
    }

    /** A Secret's type defaults to Opaque; stringData is write-only, merged into data (it wins on conflicts). */
    private static void secret(V1Secret secret) {
        if (secret.getType() == null || secret.getType().isEmpty()) {
            secret.setType("Opaque");
        }
        if (secret.getStringData() != null && !secret.getStringData().isEmpty()) {
            Map<String, byte[]> data = new LinkedHashMap<>(Objects.requireNonNullElse(secret.getData(), Map.of()));
            secret.getStringData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
            secret.setData(data);
            secret.setStringData(null);
        }
    }
}
