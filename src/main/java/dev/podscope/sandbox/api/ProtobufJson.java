package dev.podscope.sandbox.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.podscope.format.WireJson;
import io.kubernetes.client.proto.Runtime;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Protobuf request bodies as JSON. kubectl's typed clients ({@code create namespace}, {@code run},
 * {@code create deployment}, ...) send {@code application/vnd.kubernetes.protobuf}: the {@code k8s\0} envelope
 * around a {@code runtime.Unknown} that names the kind and carries the object, decoded here with client-java-proto's
 * messages. Go writes every non-pointer field even when it is empty, so empty strings, false and zero are dropped as
 * JSON's omitempty would, except for the optional fields in {@link #EXPLICIT_ZERO} where a zero is meant.
 */
final class ProtobufJson {
    static final String CONTENT_TYPE = "application/vnd.kubernetes.protobuf";
    private static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
    /** Pointer fields whose zero or false is a choice, not an unset value. */
    private static final Set<String> EXPLICIT_ZERO = Set.of("replicas", "terminationGracePeriodSeconds",
            "backoffLimit", "parallelism", "completions", "activeDeadlineSeconds", "ttlSecondsAfterFinished",
            "revisionHistoryLimit", "priority", "tolerationSeconds", "runAsUser", "runAsGroup", "fsGroup",
            "defaultMode", "mode", "enableServiceLinks", "automountServiceAccountToken", "hostUsers",
            "allowPrivilegeEscalation", "runAsNonRoot", "readOnlyRootFilesystem", "privileged", "suspend");
    /** Go structs embedded with {@code json:",inline"}: a field of their own in protobuf, merged into the parent in JSON. */
    private static final Set<String> INLINE = Set.of("Probe.handler", "Volume.volumeSource",
            "PersistentVolumeSpec.persistentVolumeSource", "EphemeralContainer.ephemeralContainerCommon");
    private static final Map<String, String> OUTER_CLASS_BY_GROUP = Map.of("", "V1", "apps", "V1Apps", "batch", "V1Batch");

    private ProtobufJson() {
    }

    static JsonObject parseObject(byte[] body) {
        if (body.length < MAGIC.length || !Arrays.equals(body, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw ApiError.badRequest("the protobuf request body does not start with the k8s envelope");
        }
        try {
            Runtime.Unknown unknown = Runtime.Unknown.parseFrom(ByteString.copyFrom(body, MAGIC.length,
                    body.length - MAGIC.length));
            String apiVersion = unknown.getTypeMeta().getApiVersion();
            String kind = unknown.getTypeMeta().getKind();
            Message object = prototype(apiVersion, kind).getParserForType().parseFrom(unknown.getRaw());
            JsonObject json = convert(object).getAsJsonObject();
            json.addProperty("apiVersion", apiVersion);
            json.addProperty("kind", kind);
            return json;
        } catch (InvalidProtocolBufferException e) {
            throw ApiError.badRequest("the protobuf request body cannot be decoded: " + e.getMessage());
        }
    }

    private static Message prototype(String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        for (String outer : List.of(OUTER_CLASS_BY_GROUP.getOrDefault(group, ""), "Meta")) {
            try {
                Class<?> type = Class.forName("io.kubernetes.client.proto." + outer + "$" + kind);
                return (Message) type.getMethod("getDefaultInstance").invoke(null);
            } catch (ReflectiveOperationException e) {
                // not in this proto file; try the next
            }
        }
        throw ApiError.unsupportedMediaType("the sandbox cannot decode " + kind + " (" + apiVersion
                + ") from protobuf; send it as application/json");
    }

    private static JsonElement convert(Message message) {
        String type = message.getDescriptorForType().getFullName();
        switch (type) {
            case META + "Time", META + "MicroTime" -> {
                return time(message, type.endsWith("MicroTime"));
            }
            case "k8s.io.apimachinery.pkg.util.intstr.IntOrString" -> {
                boolean isString = ((Number) field(message, "type")).longValue() == 1;
                return isString ? new JsonPrimitive((String) field(message, "strVal"))
                        : new JsonPrimitive((Number) field(message, "intVal"));
            }
            case "k8s.io.apimachinery.pkg.api.resource.Quantity" -> {
                return new JsonPrimitive((String) field(message, "string"));
            }
            case META + "Duration" -> {
                return new JsonPrimitive((String) field(message, "duration"));
            }
            case "k8s.io.apimachinery.pkg.runtime.RawExtension", META + "FieldsV1" -> {
                return JsonParser.parseString(((ByteString) field(message, "raw")).toStringUtf8());
            }
            default -> {
                return object(message);
            }
        }
    }

    private static JsonObject object(Message message) {
        JsonObject json = new JsonObject();
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            JsonElement value;
            if (field.isMapField()) {
                JsonObject map = new JsonObject();
                for (Object item : (List<?>) entry.getValue()) {
                    Message pair = (Message) item;
                    map.add((String) field(pair, "key"), value(pair.getDescriptorForType().findFieldByName("value"),
                            field(pair, "value")));
                }
                value = map;
            } else if (field.isRepeated()) {
                JsonArray array = new JsonArray();
                ((List<?>) entry.getValue()).forEach(item -> array.add(value(field, item)));
                value = array;
            } else {
                value = value(field, entry.getValue());
            }
            if (value != null && INLINE.contains(message.getDescriptorForType().getName() + "." + field.getName())) {
                value.getAsJsonObject().entrySet().forEach(e -> json.add(e.getKey(), e.getValue()));
            } else if (value != null) {
                json.add(field.getName(), value);
            }
        }
        return json;
    }

    /** The JSON for one field value; null for the zero values JSON omits. */
    private static JsonElement value(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case MESSAGE -> convert((Message) value);
            case STRING -> ((String) value).isEmpty() ? null : new JsonPrimitive((String) value);
            case BOOLEAN -> Boolean.TRUE.equals(value) || EXPLICIT_ZERO.contains(field.getName())
                    ? new JsonPrimitive((Boolean) value) : null;
            case BYTE_STRING -> new JsonPrimitive(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case INT, LONG, FLOAT, DOUBLE -> ((Number) value).doubleValue() != 0 || EXPLICIT_ZERO.contains(field.getName())
                    ? new JsonPrimitive((Number) value) : null;
            case ENUM -> new JsonPrimitive(value.toString());
        };
    }

    /** An RFC 3339 time; Go writes its zero time as an empty message, which means "unset". */
    private static JsonElement time(Message message, boolean micro) {
        if (message.getAllFields().isEmpty()) {
            return null;
        }
        long seconds = ((Number) field(message, "seconds")).longValue();
        int nanos = ((Number) field(message, "nanos")).intValue();
        return new JsonPrimitive(WireJson.time(Instant.ofEpochSecond(seconds, micro ? nanos : 0)));
    }

    private static Object field(Message message, String name) {
        return message.getField(message.getDescriptorForType().findFieldByName(name));
    }
}
