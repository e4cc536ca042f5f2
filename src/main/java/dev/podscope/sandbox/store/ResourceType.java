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
}
