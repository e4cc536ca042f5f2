package dev.podscope.sandbox.api;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoreException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sandbox's Kubernetes API: authenticates bearer tokens, serves discovery, and routes resource requests by verb
 * to reads, watches, writes and deletions. Every refusal is a {@code Status} reply.
 */
public final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final Function<String, AccessPolicy> tokens;
    private final Reads reads;
    private final Watches watches;
    private final Writes writes;
    private final Deletions deletions;
    private final LogReads logs;
    private final MetricsReads metrics;
    private final PodStreams streams;
    private volatile boolean metricsApi = true;

    /** {@code tokens} maps a bearer token to what it may do, or to null when it is unknown. */
    public ApiHandler(ClusterStore store, Function<String, AccessPolicy> tokens) {
        this.tokens = tokens;
        Finalization finalization = new Finalization(store);
        this.reads = new Reads(store);
        this.watches = new Watches(store);
        this.writes = new Writes(store, finalization);
        this.deletions = new Deletions(store, finalization);
        this.logs = new LogReads(store);
        this.metrics = new MetricsReads(store);
        this.streams = new PodStreams(store);
    }

    /**
     * Serves metrics.k8s.io (the default) or not: without it, discovery does not list the group and its paths are
     * 404, as on a cluster without metrics-server.
     */
    public void metricsApi(boolean enabled) {
        metricsApi = enabled;
    }

    /** Ends all open watch streams, followed logs, port-forwards and execs. */
    public void closeWatches() {
        watches.closeAll();
        logs.closeAll();
        streams.closeAll();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        try {
            if (!ServerInfo.serve(path, response, callback)) {
                serveAuthenticated(request, path, response, callback);
            }
        } catch (ApiError e) {
            fail(response, callback, e);
        } catch (IOException e) {
            LOG.debug("Sandbox API connection for {} {} ended: {}", request.getMethod(), path, e.toString());
            callback.failed(e);
        } catch (Exception e) {
            LOG.warn("Sandbox API request {} {} failed: {}", request.getMethod(), path, e.toString());
            fail(response, callback, new ApiError(500, "InternalError", "Internal error occurred: " + e.getMessage(),
                    null, null));
        }
        return true;
    }

    private void serveAuthenticated(Request request, String path, Response response, Callback callback)
            throws Exception {
        AccessPolicy policy = authenticate(request);
        Optional<byte[]> document = new Discovery("127.0.0.1:" + Request.getLocalPort(request), metricsApi)
                .document(path)
                .or(() -> OpenApi.document(path));
        if (document.isPresent()) {
            if (!request.getMethod().equals("GET")) {
                throw ApiError.methodNotAllowed();
            }
            Replies.json(response, callback, 200, document.get());
            return;
        }
        ApiPath apiPath = ApiPath.parse(path).orElseThrow(ApiError::noSuchPath);
        if (MetricsReads.serves(apiPath)) {
            if (!metricsApi) {
                throw ApiError.noSuchPath();
            }
            metrics.serve(request, apiPath, policy, response, callback);
            return;
        }
        boolean eventsV1 = EventsV1.serves(apiPath);
        ResourceType<?> type = eventsV1
                ? eventsV1Type(apiPath)
                : Resources.find(apiPath.group(), apiPath.version(), apiPath.plural()).orElseThrow(ApiError::noSuchPath);
        checkShape(type, apiPath);
        Fields params = eventsV1 ? EventsV1.coreParams(Request.extractQueryParameters(request))
                : Request.extractQueryParameters(request);
        String verb = PodStreams.serves(apiPath.subresource()) ? streamVerb(request.getMethod())
                : verb(request.getMethod(), apiPath, params);
        if (verb == null || eventsV1 && !List.of("get", "list", "watch").contains(verb)) {
            throw ApiError.methodNotAllowed();
        }
        String resource = apiPath.subresource() == null ? type.plural() : type.plural() + "/" + apiPath.subresource();
        if (!policy.allows(verb, resource, apiPath.namespace())) {
            throw ApiError.forbidden(policy.user(), verb, type, resource, apiPath.namespace(), apiPath.name());
        }
        ResourceRequest resourceRequest = new ResourceRequest(request, type, apiPath.namespace(), apiPath.name(),
                apiPath.subresource(), verb, params, eventsV1 ? EventsV1.VIEW : ObjectView.stored(type));
        try {
            dispatch(resourceRequest, response, callback);
        } catch (StoreException e) {
            throw ApiError.from(e, type, apiPath.name());
        }
    }

    private void dispatch(ResourceRequest request, Response response, Callback callback) throws Exception {
        if (request.params().getValue("dryRun") != null) {
            throw ApiError.badRequest("dry-run requests are not supported by the podscope sandbox");
        }
        if (PodStreams.serves(request.subresource())) {
            streams.serve(request, response, callback);
            return;
        }
        if (LogReads.SUBRESOURCE.equals(request.subresource())) {
            if (!request.verb().equals("get")) {
                throw ApiError.methodNotAllowed();
            }
            logs.get(request, response, callback);
            return;
        }
        switch (request.verb()) {
            case "get" -> reads.get(request, response, callback);
            case "list" -> reads.list(request, response, callback);
            case "watch" -> watches.stream(request, response, callback);
            case "create" -> writes.create(request, response, callback);
            case "update" -> writes.update(request, response, callback);
            case "patch" -> writes.patch(request, response, callback);
            case "delete" -> deletions.delete(request, response, callback);
            case "deletecollection" -> deletions.deleteCollection(request, response, callback);
            default -> throw ApiError.methodNotAllowed();
        }
    }

    /** events.k8s.io/v1 events are the stored core/v1 Events; nothing else is served in that group. */
    private static ResourceType<?> eventsV1Type(ApiPath path) {
        if (!path.version().equals(EventsV1.VERSION) || !path.plural().equals("events")) {
            throw ApiError.noSuchPath();
        }
        return Resources.EVENTS;
    }

    private AccessPolicy authenticate(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.unauthorized();
        }
        AccessPolicy policy = tokens.apply(authorization.substring(7).trim());
        if (policy == null) {
            throw ApiError.unauthorized();
        }
        return policy;
    }

    /** Rejects URLs that name a resource in a way the API server does not route. */
    private static void checkShape(ResourceType<?> type, ApiPath path) {
        boolean namespaceMismatch = type.namespaced()
                ? path.namespace() == null && path.name() != null
                : path.namespace() != null;
        boolean badSubresource = path.subresource() != null && (path.legacyWatch()
                || !(path.subresource().equals("status") && ObjectStatus.hasStatus(type)
                || (path.subresource().equals(LogReads.SUBRESOURCE) || PodStreams.serves(path.subresource()))
                && type == Resources.PODS));
        if (namespaceMismatch || badSubresource) {
            throw ApiError.noSuchPath();
        }
    }

    /** The authorization verb of a request, or null when the method is not allowed on the path. */
    private static String verb(String method, ApiPath path, Fields params) {
        boolean collection = path.name() == null;
        return switch (method) {
            case "GET" -> path.legacyWatch() || collection && ListQuery.flag(params, "watch")
                    ? "watch" : collection ? "list" : "get";
            case "POST" -> collection ? "create" : null;
            case "PUT" -> collection ? null : "update";
            case "PATCH" -> collection ? null : "patch";
            case "DELETE" -> collection ? "deletecollection" : "delete";
            default -> null;
        };
    }

    /** Exec and port-forward are authorized as {@code create}, whether upgraded from GET (WebSocket) or POST (SPDY). */
    private static String streamVerb(String method) {
        return method.equals("GET") || method.equals("POST") ? "create" : null;
    }

    private static void fail(Response response, Callback callback, ApiError error) {
        if (response.isCommitted()) {
            callback.failed(error);
        } else {
            Replies.error(response, callback, error);
        }
    }
}
