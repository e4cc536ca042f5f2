package dev.podscope.sandbox.api;

import dev.podscope.sandbox.metrics.ResourceMetrics;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.format.WireJson;
import io.kubernetes.client.openapi.models.V1APIGroup;
import io.kubernetes.client.openapi.models.V1APIGroupList;
import io.kubernetes.client.openapi.models.V1APIResource;
import io.kubernetes.client.openapi.models.V1APIResourceList;
import io.kubernetes.client.openapi.models.V1APIVersions;
import io.kubernetes.client.openapi.models.V1GroupVersionForDiscovery;
import io.kubernetes.client.openapi.models.V1ServerAddressByClientCIDR;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Legacy (unaggregated) discovery documents. They are served as plain application/json, which makes client-go fall
 * back from aggregated discovery to {@code /api/v1} and {@code /apis/G/V}.
 */
final class Discovery {
    private static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    private static final Set<String> IN_CATEGORY_ALL = Set.of("pods", "deployments", "replicasets", "jobs");

    private final String serverAddress;
    private final boolean metricsApi;

    Discovery(String serverAddress, boolean metricsApi) {
        this.serverAddress = serverAddress;
        this.metricsApi = metricsApi;
    }

    /** The document for {@code path}, or empty when it is not a discovery path. */
    Optional<byte[]> document(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        Object document = switch (p) {
            case "/api" -> new V1APIVersions().kind("APIVersions").versions(List.of("v1"))
                    .serverAddressByClientCIDRs(List.of(new V1ServerAddressByClientCIDR()
                            .clientCIDR("0.0.0.0/0").serverAddress(serverAddress)));
            case "/apis" -> new V1APIGroupList().kind("APIGroupList").apiVersion("v1").groups(groups());
            case "/api/v1" -> resourceList("", "v1");
            default -> groupDocument(p);
        };
        return Optional.ofNullable(document).map(d -> WireJson.bytes(d));
    }

    private Object groupDocument(String path) {
        String[] parts = path.split("/");
        if (parts.length == 3 && parts[1].equals("apis")) {
            return groups().stream().filter(g -> g.getName().equals(parts[2])).findFirst().orElse(null);
        }
        if (parts.length == 4 && parts[1].equals("apis")) {
            if (parts[2].equals(EventsV1.GROUP) && parts[3].equals(EventsV1.VERSION)) {
                return EventsV1.apiResources();
            }
            boolean metrics = parts[2].equals(ResourceMetrics.GROUP) && parts[3].equals(ResourceMetrics.VERSION);
            return metrics ? (metricsApi ? ResourceMetrics.apiResources() : null) : resourceList(parts[2], parts[3]);
        }
        return null;
    }

    private List<V1APIGroup> groups() {
        Set<String> names = new LinkedHashSet<>();
        Resources.all().stream().map(ResourceType::group).filter(g -> !g.isEmpty()).forEach(names::add);
        List<V1APIGroup> groups = new ArrayList<>();
        for (String name : names) {
            List<V1GroupVersionForDiscovery> versions = Resources.all().stream()
                    .filter(r -> r.group().equals(name)).map(ResourceType::version).distinct()
                    .map(v -> new V1GroupVersionForDiscovery().groupVersion(name + "/" + v).version(v)).toList();
            groups.add(new V1APIGroup().kind("APIGroup").apiVersion("v1").name(name).versions(versions)
                    .preferredVersion(versions.getFirst()));
        }
        groups.add(EventsV1.apiGroup());
        if (metricsApi) {
            groups.add(ResourceMetrics.apiGroup());
        }
        return groups;
    }

    private static V1APIResourceList resourceList(String group, String version) {
        List<V1APIResource> resources = new ArrayList<>();
        for (ResourceType<?> type : Resources.all()) {
            if (type.group().equals(group) && type.version().equals(version)) {
                resources.add(new V1APIResource().name(type.plural()).singularName(type.singular())
                        .namespaced(type.namespaced()).kind(type.kind()).verbs(VERBS).shortNames(type.shortNames())
                        .categories(IN_CATEGORY_ALL.contains(type.plural()) ? List.of("all") : null));
                if (ObjectStatus.hasStatus(type)) {
                    resources.add(subresource(type, "status", type.kind(), List.of("get", "patch", "update")));
                }
                if (type == Resources.PODS) {
                    resources.add(subresource(type, "log", "Pod", List.of("get")));
                    resources.add(subresource(type, "exec", "PodExecOptions", List.of("create", "get")));
                    resources.add(subresource(type, "portforward", "PodPortForwardOptions", List.of("create", "get")));
                }
            }
        }
        if (resources.isEmpty()) {
            return null;
        }
        String groupVersion = group.isEmpty() ? version : group + "/" + version;
        return new V1APIResourceList().kind("APIResourceList").apiVersion("v1").groupVersion(groupVersion)
                .resources(resources);
    }

    private static V1APIResource subresource(ResourceType<?> type, String name, String kind, List<String> verbs) {
        return new V1APIResource().name(type.plural() + "/" + name).singularName("")
                .namespaced(type.namespaced()).kind(kind).verbs(verbs);
    }
}
