package dev.podscope.sandbox.api;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoreException;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.common.KubernetesObject;
import dev.podscope.format.WireJson;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Preconditions;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DELETE with the API server's semantics. A pod running on a node gets a deletionTimestamp and a grace period and
 * stays until its kubelet (the simulator) removes it; an object with finalizers only gets a deletionTimestamp;
 * everything else is removed at once. Deleting a namespace removes everything in it. Owner references are left to
 * whoever plays the garbage collector.
 */
final class Deletions {
    private static final long DEFAULT_POD_GRACE_SECONDS = 30;
    private static final Set<String> TERMINAL_PHASES = Set.of("Succeeded", "Failed");

    private final ClusterStore store;
    private final Finalization finalization;

    Deletions(ClusterStore store, Finalization finalization) {
        this.store = store;
        this.finalization = finalization;
    }

    void delete(ResourceRequest request, Response response, Callback callback) throws IOException {
        StoredObject<KubernetesObject> result =
                deleteOne(request.typeErased(), request.namespace(), request.name(), options(request));
        Replies.json(response, callback, 200, result.json());
    }

    void deleteCollection(ResourceRequest request, Response response, Callback callback) throws IOException {
        ResourceType<KubernetesObject> type = request.typeErased();
        ListQuery query = request.query();
        V1DeleteOptions options = options(request);
        List<StoredObject<KubernetesObject>> deleted = new ArrayList<>();
        for (StoredObject<KubernetesObject> stored : store.list(type, request.namespace()).items()) {
            if (query.matches(stored.object())) {
                V1ObjectMeta meta = stored.object().getMetadata();
                try {
                    deleted.add(deleteOne(type, meta.getNamespace(), meta.getName(), options));
                } catch (ApiError e) {
                    if (e.code() != 404) {
                        throw e;
                    }
                }
            }
        }
        try (OutputStream out = Replies.stream(response, 200)) {
            out.write(("{\"kind\":\"" + type.kind() + "List\",\"apiVersion\":\"" + type.apiVersion()
                    + "\",\"metadata\":{\"resourceVersion\":\"" + store.revision() + "\"},\"items\":[")
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < deleted.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(deleted.get(i).json());
            }
            out.write("]}".getBytes(StandardCharsets.UTF_8));
        }
        callback.succeeded();
    }

    private StoredObject<KubernetesObject> deleteOne(ResourceType<KubernetesObject> type, String namespace,
                                                     String name, V1DeleteOptions options) {
        StoredObject<KubernetesObject> current = store.get(type, namespace, name)
                .orElseThrow(() -> ApiError.notFound(type, name));
        checkPreconditions(type, current.object().getMetadata(), options.getPreconditions());
        if (Resources.NAMESPACES.equals(type)) {
            deleteContents(name);
        }
        long grace = Resources.PODS.equals(type) ? podGrace((V1Pod) current.object(), options) : 0;
        V1ObjectMeta meta = current.object().getMetadata();
        boolean hasFinalizers = meta.getFinalizers() != null && !meta.getFinalizers().isEmpty();
        if (!hasFinalizers && grace == 0) {
            return store.delete(type, namespace, name);
        }
        if (meta.getDeletionTimestamp() != null && meta.getDeletionGracePeriodSeconds() != null
                && meta.getDeletionGracePeriodSeconds() <= grace) {
            return current;
        }
        OffsetDateTime deadline = store.now().plusSeconds(grace);
        StoredObject<KubernetesObject> marked = store.modify(type, namespace, name, object -> {
            object.getMetadata().setDeletionTimestamp(deadline);
            object.getMetadata().setDeletionGracePeriodSeconds(grace);
            return object;
        });
        return finalization.removeIfFinished(type, marked);
    }

    /** The grace period a pod deletion gets; 0 for pods no kubelet runs (unscheduled or finished). */
    private static long podGrace(V1Pod pod, V1DeleteOptions options) {
        boolean bound = pod.getSpec() != null && pod.getSpec().getNodeName() != null
                && !pod.getSpec().getNodeName().isEmpty();
        boolean finished = pod.getStatus() != null && TERMINAL_PHASES.contains(pod.getStatus().getPhase());
        if (!bound || finished) {
            return 0;
        }
        if (options.getGracePeriodSeconds() != null) {
            return Math.max(0, options.getGracePeriodSeconds());
        }
        Long specGrace = pod.getSpec().getTerminationGracePeriodSeconds();
        return specGrace == null ? DEFAULT_POD_GRACE_SECONDS : specGrace;
    }

    private void deleteContents(String namespace) {
        for (ResourceType<?> type : Resources.all()) {
            if (!type.namespaced()) {
                continue;
            }
            for (StoredObject<?> stored : store.list(type, namespace).items()) {
                try {
                    store.delete(type, namespace, stored.object().getMetadata().getName());
                } catch (StoreException e) {
                    if (e.code() != 404) {
                        throw e;
                    }
                }
            }
        }
    }

    private static void checkPreconditions(ResourceType<?> type, V1ObjectMeta meta, V1Preconditions preconditions) {
        if (preconditions == null) {
            return;
        }
        if (preconditions.getUid() != null && !preconditions.getUid().equals(meta.getUid())) {
            throw new ApiError(409, "Conflict", "Precondition failed: UID in precondition: " + preconditions.getUid()
                    + ", UID in object meta: " + meta.getUid(), type, meta.getName());
        }
        if (preconditions.getResourceVersion() != null
                && !preconditions.getResourceVersion().equals(meta.getResourceVersion())) {
            throw new ApiError(409, "Conflict", "Precondition failed: ResourceVersion in precondition: "
                    + preconditions.getResourceVersion() + ", ResourceVersion in object meta: "
                    + meta.getResourceVersion(), type, meta.getName());
        }
    }

    private static V1DeleteOptions options(ResourceRequest request) throws IOException {
        byte[] body = request.body();
        V1DeleteOptions options;
        try {
            options = body.length == 0 ? new V1DeleteOptions()
                    : WireJson.gson().fromJson(ObjectJson.parseObject(body, request.contentType()), V1DeleteOptions.class);
        } catch (RuntimeException e) {
            throw e instanceof ApiError error ? error : ApiError.badRequest("invalid DeleteOptions: " + e.getMessage());
        }
        String grace = request.params().getValue("gracePeriodSeconds");
        if (grace != null && !grace.isEmpty()) {
            try {
                options.setGracePeriodSeconds(Long.parseLong(grace));
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("invalid gracePeriodSeconds: \"" + grace + "\"");
            }
        }
        return options;
    }
}
