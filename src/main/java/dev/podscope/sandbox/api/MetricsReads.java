package dev.podscope.sandbox.api;

import dev.podscope.sandbox.metrics.MetricsSource;
import dev.podscope.sandbox.metrics.ResourceMetrics;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.util.List;

/**
 * The {@code metrics.k8s.io} API that a real API server proxies to metrics-server: get and list of PodMetrics
 * ({@code /apis/metrics.k8s.io/v1beta1/[namespaces/NS/]pods[/NAME]}) and NodeMetrics ({@code .../nodes[/NAME]}),
 * with label and field selectors. Access is checked for the group-qualified resources {@code pods.metrics.k8s.io}
 * and {@code nodes.metrics.k8s.io}, so that a policy can tell them from core pods and nodes.
 */
final class MetricsReads {
    private final ClusterStore store;
    private final MetricsSource metrics;

    MetricsReads(ClusterStore store, MetricsSource metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    static boolean serves(ApiPath path) {
        return ResourceMetrics.GROUP.equals(path.group());
    }

    void serve(Request request, ApiPath path, AccessPolicy policy, Response response, Callback callback) {
        boolean pods = path.plural().equals("pods");
        boolean routed = path.version().equals(ResourceMetrics.VERSION) && path.subresource() == null
                && !path.legacyWatch() && (pods ? path.namespace() != null || path.name() == null
                : path.plural().equals("nodes") && path.namespace() == null);
        if (!routed) {
            throw ApiError.noSuchPath();
        }
        Fields params = Request.extractQueryParameters(request);
        if (!request.getMethod().equals("GET") || path.name() == null && ListQuery.flag(params, "watch")) {
            throw ApiError.methodNotAllowed();
        }
        authorize(policy, path.name() == null ? "list" : "get", path);
        Replies.json(response, callback, 200, pods ? pods(path, params) : nodes(path, params));
    }

    private byte[] pods(ApiPath path, Fields params) {
        if (path.name() == null) {
            ListQuery query = ListQuery.parse(Resources.PODS, params, null);
            return metrics.podMetricsList(store.list(Resources.PODS, path.namespace()).items().stream()
                    .map(StoredObject::object).filter(query::matches).toList());
        }
        // metrics-server only knows Running pods: any other is not found as a pod
        V1Pod pod = store.get(Resources.PODS, path.namespace(), path.name()).map(StoredObject::object)
                .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
                .orElseThrow(() -> ApiError.notFound(Resources.PODS, path.name()));
        String key = path.namespace() + "/" + path.name();
        return metrics.podMetrics(pod).orElseThrow(() -> new ApiError(404, "NotFound",
                "podmetrics." + ResourceMetrics.GROUP + " \"" + key + "\" not found", null, key));
    }

    private byte[] nodes(ApiPath path, Fields params) {
        List<V1Pod> allPods = store.list(Resources.PODS, null).items().stream().map(StoredObject::object).toList();
        if (path.name() == null) {
            ListQuery query = ListQuery.parse(Resources.NODES, params, null);
            return metrics.nodeMetricsList(store.list(Resources.NODES, null).items().stream()
                    .map(StoredObject::object).filter(query::matches).toList(), allPods);
        }
        // the node lister's wording, singular
        V1Node node = store.get(Resources.NODES, null, path.name()).map(StoredObject::object).orElseThrow(() ->
                new ApiError(404, "NotFound", "node \"" + path.name() + "\" not found", null, path.name()));
        return metrics.nodeMetrics(node, allPods).orElseThrow(() -> new ApiError(404, "NotFound",
                "nodemetrics." + ResourceMetrics.GROUP + " \"" + path.name() + "\" not found", null, path.name()));
    }

    private static void authorize(AccessPolicy policy, String verb, ApiPath path) {
        String resource = path.plural() + "." + ResourceMetrics.GROUP;
        if (policy.allows(verb, resource, path.namespace())) {
            return;
        }
        String subject = path.name() == null ? resource : resource + " \"" + path.name() + "\"";
        String scope = path.namespace() == null ? "at the cluster scope"
                : "in the namespace \"" + path.namespace() + "\"";
        throw new ApiError(403, "Forbidden", subject + " is forbidden: User \"" + policy.user() + "\" cannot " + verb
                + " resource \"" + path.plural() + "\" in API group \"" + ResourceMetrics.GROUP + "\" " + scope,
                null, path.name());
    }
}
