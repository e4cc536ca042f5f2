package dev.podscope.sandbox.store;

import io.kubernetes.client.common.KubernetesObject;

import java.util.List;

/** One kind of API object the sandbox stores and serves, with the names discovery publishes for it. */
public record ResourceType<T extends KubernetesObject>(
        String group, String version, String plural, String singular, String kind,
        boolean namespaced, Class<T> javaType, List<String> shortNames) {

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public String groupResource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /**
     * Sets apiVersion and kind, which clients such as kubectl need to decode a single object, however the object
     * was built. Every generated model class has these two setters, but {@link KubernetesObject} does not declare them.
     */
    void stampTypeMeta(T object) {
        try {
            javaType.getMethod("setApiVersion", String.class).invoke(object, apiVersion());
            javaType.getMethod("setKind", String.class).invoke(object, kind);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(javaType.getSimpleName() + " has no apiVersion/kind setters", e);
        }
    }
}
