package dev.podscope.sandbox.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoreException;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.common.KubernetesObject;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.UnaryOperator;

/** POST, PUT and PATCH of objects, with the API server's defaulting, preconditions and no-op detection. */
final class Writes {
    /** Fields only the server sets; a client's values are dropped on create. */
    private static final List<String> SERVER_FIELDS = List.of("uid", "resourceVersion", "creationTimestamp",
            "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "selfLink", "managedFields");
    /** Fields an update cannot change. */
    private static final List<String> IMMUTABLE_FIELDS = List.of("name", "namespace", "uid", "creationTimestamp",
            "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "selfLink");
    private static final String NAME_SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final int GENERATE_NAME_ATTEMPTS = 8;

    private final ClusterStore store;
    private final Random suffixes = new Random();
    private final Finalization finalization;

    Writes(ClusterStore store, Finalization finalization) {
        this.store = store;
        this.finalization = finalization;
    }

    void create(ResourceRequest request, Response response, Callback callback) throws IOException {
        ResourceType<KubernetesObject> type = request.typeErased();
        JsonObject json = ObjectJson.parseObject(request.body(), request.contentType());
        checkTypeMeta(type, json);
        JsonObject metadata = ObjectJson.metadata(json);
        SERVER_FIELDS.forEach(metadata::remove);
        if (!Resources.NODES.equals(type)) {
            // status is for controllers to write; only a kubelet registering its node brings one along
            json.remove("status");
        }
        String bodyNamespace = ObjectJson.string(metadata, "namespace");
        if (type.namespaced()) {
            if (bodyNamespace != null && !bodyNamespace.isEmpty() && !bodyNamespace.equals(request.namespace())) {
                throw ApiError.badRequest("the namespace of the provided object does not match the namespace sent "
                        + "on the request");
            }
            metadata.addProperty("namespace", request.namespace());
        } else {
            metadata.remove("namespace");
        }
        String generateName = ObjectJson.string(metadata, "generateName");
        String name = ObjectJson.string(metadata, "name");
        if ((name == null || name.isEmpty()) && (generateName == null || generateName.isEmpty())) {
            throw ApiError.invalid(type, "", "metadata.name: Required value: name or generateName is required");
        }
        StoredObject<KubernetesObject> created = name == null || name.isEmpty()
                ? createWithGeneratedName(type, json, generateName) : createNamed(type, json);
        Replies.json(response, callback, 201, created.json());
    }

    private StoredObject<KubernetesObject> createWithGeneratedName(ResourceType<KubernetesObject> type,
                                                                  JsonObject json, String prefix) {
        for (int attempt = 1; ; attempt++) {
            ObjectJson.metadata(json).addProperty("name", prefix + suffix());
            try {
                return createNamed(type, json);
            } catch (StoreException e) {
                if (e.code() != 409 || attempt == GENERATE_NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private StoredObject<KubernetesObject> createNamed(ResourceType<KubernetesObject> type, JsonObject json) {
        KubernetesObject object = ObjectJson.decode(type, json);
        ObjectDefaults.onCreate(type, object);
        return store.create(type, object);
    }

    void update(ResourceRequest request, Response response, Callback callback) throws IOException {
        JsonObject incoming = ObjectJson.parseObject(request.body(), request.contentType());
        checkTypeMeta(request.type(), incoming);
        String bodyName = ObjectJson.string(ObjectJson.metadata(incoming), "name");
        if (bodyName != null && !bodyName.equals(request.name())) {
            throw ApiError.badRequest("the name of the object (" + bodyName + ") does not match the name on the URL ("
                    + request.name() + ")");
        }
        reply(response, callback, modify(request, current -> incoming));
    }

    void patch(ResourceRequest request, Response response, Callback callback) throws IOException {
        byte[] body = request.body();
        String contentType = request.contentType();
        reply(response, callback, modify(request, current -> Patches.apply(contentType, current, body)));
    }

    private void reply(Response response, Callback callback, StoredObject<?> stored) {
        Replies.json(response, callback, 200, stored.json());
    }

    private StoredObject<KubernetesObject> modify(ResourceRequest request, UnaryOperator<JsonObject> change) {
        ResourceType<KubernetesObject> type = request.typeErased();
        StoredObject<KubernetesObject> result = store.modify(type, request.namespace(), request.name(), object -> {
            JsonObject current = ObjectJson.tree(object);
            JsonObject desired = change.apply(current.deepCopy());
            checkResourceVersion(type, current, desired);
            desired = ObjectStatus.confine(type, request.subresource(), current, desired);
            return settle(type, current, desired);
        });
        return finalization.removeIfFinished(type, result);
    }

    /** The object to store, keeping what an update cannot change; null when nothing changes. */
    private static KubernetesObject settle(ResourceType<KubernetesObject> type, JsonObject current, JsonObject desired) {
        JsonObject currentMeta = ObjectJson.metadata(current);
        JsonObject desiredMeta = ObjectJson.metadata(desired);
        for (String field : IMMUTABLE_FIELDS) {
            copyField(currentMeta, desiredMeta, field);
        }
        copyField(currentMeta, desiredMeta, "resourceVersion");
        desired.addProperty("apiVersion", type.apiVersion());
        desired.addProperty("kind", type.kind());
        KubernetesObject decoded = ObjectJson.decode(type, desired);
        JsonObject normalized = ObjectJson.tree(decoded);
        if (normalized.equals(current)) {
            return null;
        }
        Long generation = decoded.getMetadata().getGeneration();
        if (generation != null && !Objects.equals(normalized.get("spec"), current.get("spec"))) {
            decoded.getMetadata().setGeneration(generation + 1);
        }
        return decoded;
    }

    private static void copyField(JsonObject from, JsonObject to, String field) {
        JsonElement value = from.get(field);
        if (value == null) {
            to.remove(field);
        } else {
            to.add(field, value);
        }
    }

    private static void checkResourceVersion(ResourceType<?> type, JsonObject current, JsonObject desired) {
        String expected = ObjectJson.string(ObjectJson.metadata(desired), "resourceVersion");
        String actual = ObjectJson.string(ObjectJson.metadata(current), "resourceVersion");
        if (expected != null && !expected.isEmpty() && !expected.equals(actual)) {
            String name = ObjectJson.string(ObjectJson.metadata(current), "name");
            throw new ApiError(409, "Conflict", "Operation cannot be fulfilled on " + type.groupResource() + " \""
                    + name + "\": the object has been modified; please apply your changes to the latest version and "
                    + "try again", type, name);
        }
    }

    private static void checkTypeMeta(ResourceType<?> type, JsonObject json) {
        String apiVersion = ObjectJson.string(json, "apiVersion");
        String kind = ObjectJson.string(json, "kind");
        if (apiVersion != null && !apiVersion.isEmpty() && !apiVersion.equals(type.apiVersion())) {
            throw ApiError.badRequest("the API version in the data (" + apiVersion + ") does not match the expected "
                    + "API version (" + type.apiVersion() + ")");
        }
        if (kind != null && !kind.isEmpty() && !kind.equals(type.kind())) {
            throw ApiError.badRequest(kind + " in version \"" + type.version() + "\" cannot be handled as a "
                    + type.kind() + ": the kind in the data does not match the URL");
        }
    }

    private String suffix() {
        StringBuilder suffix = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            suffix.append(NAME_SUFFIX_ALPHABET.charAt(suffixes.nextInt(NAME_SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }
}
