package dev.podscope.bundle;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.podscope.sandbox.logs.LogQuery;
import dev.podscope.sandbox.logs.LogRefusal;
import dev.podscope.sandbox.logs.PodLogs;
import dev.podscope.sandbox.metrics.ResourceMetrics;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Test-only: a minimal bundle of docs/bundle-format.md captured from a sandbox store (lists as the API server's JSON,
 * logs through the sandbox's log API with kubelet timestamps, metrics, a manifest with sizes and sha256s). Stands in
 * for the real exporter until it lands; it does no redaction.
 */
public final class BundleFixture {
    public static final String VERSION_JSON = "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.4\","
            + "\"platform\":\"linux/amd64\"}";

    private BundleFixture() {
    }

    /** The files of a bundle of every namespace of {@code store}, captured at the store clock's now. */
    public static Map<String, byte[]> capture(ClusterStore store) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("cluster/version.json", VERSION_JSON.getBytes(StandardCharsets.UTF_8));
        files.put("cluster/nodes.json", list(store, Resources.NODES, null));
        files.put("cluster/namespaces.json", list(store, Resources.NAMESPACES, null));
        List<V1Pod> pods = objects(store, Resources.PODS, null);
        for (String namespace : objects(store, Resources.NAMESPACES, null).stream()
                .map(n -> n.getMetadata().getName()).toList()) {
            for (ResourceType<?> type : Resources.all()) {
                if (type.namespaced() && type != Resources.SECRETS) {
                    files.put("namespaces/" + namespace + "/" + type.plural() + ".json", list(store, type, namespace));
                }
            }
        }
        PodLogs logs = new PodLogs(store);
        for (V1Pod pod : pods) {
            for (V1Container container : Stream.concat(pod.getSpec().getContainers().stream(),
                    pod.getSpec().getInitContainers() == null ? Stream.of()
                            : pod.getSpec().getInitContainers().stream()).toList()) {
                String base = "logs/" + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + "/"
                        + container.getName();
                log(logs, pod, container.getName(), false).ifPresent(b -> files.put(base + ".log", b));
                log(logs, pod, container.getName(), true).ifPresent(b -> files.put(base + ".previous.log", b));
            }
        }
        ResourceMetrics metrics = new ResourceMetrics(store.clock());
        List<V1Node> nodes = objects(store, Resources.NODES, null);
        files.put("metrics/pods.json", metrics.podMetricsList(pods));
        files.put("metrics/nodes.json", metrics.nodeMetricsList(nodes, pods));
        return files;
    }

    /** Captures {@code store} from context {@code context} into the zip {@code file}; returns the capture time. */
    public static Instant write(ClusterStore store, String context, Path file) throws IOException {
        Instant createdAt = store.clock().instant();
        Map<String, byte[]> files = capture(store);
        zip(file, files, manifest(files, createdAt, context, null));
        return createdAt;
    }

    /** A manifest.json listing {@code files}; {@code namespaces} null means all namespaces. */
    public static String manifest(Map<String, byte[]> files, Instant createdAt, String context,
                                  List<String> namespaces) {
        JsonObject manifest = new JsonObject();
        manifest.addProperty("format", BundleManifest.FORMAT);
        manifest.addProperty("podscopeVersion", "0.1.0");
        manifest.addProperty("createdAt", createdAt.toString());
        manifest.addProperty("context", context);
        JsonObject server = new JsonObject();
        server.addProperty("gitVersion", "v1.32.4");
        server.addProperty("platform", "linux/amd64");
        manifest.add("server", server);
        JsonObject scope = new JsonObject();
        JsonArray ns = new JsonArray();
        if (namespaces != null) {
            namespaces.forEach(ns::add);
        }
        scope.add("namespaces", ns);
        scope.addProperty("allNamespaces", namespaces == null);
        scope.addProperty("logs", "all");
        manifest.add("scope", scope);
        JsonArray entries = new JsonArray();
        files.forEach((path, bytes) -> {
            JsonObject entry = new JsonObject();
            entry.addProperty("path", path);
            entry.addProperty("size", bytes.length);
            entry.addProperty("sha256", sha256(bytes));
            entries.add(entry);
        });
        manifest.add("files", entries);
        manifest.add("missing", new JsonArray());
        manifest.add("redactions", new JsonArray());
        return manifest.toString();
    }

    /** Writes a zip of {@code files} with {@code manifest} (none when null) as manifest.json. */
    public static Path zip(Path file, Map<String, byte[]> files, String manifest) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            if (manifest != null) {
                zip.putNextEntry(new ZipEntry(BundleReader.MANIFEST));
                zip.write(manifest.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.Optional<byte[]> log(PodLogs logs, V1Pod pod, String container, boolean previous) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            logs.open(pod, new LogQuery(container, false, previous, true, null, null, null, null)).writeTo(out);
            return java.util.Optional.of(out.toByteArray());
        } catch (LogRefusal e) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static <T extends KubernetesObject> List<T> objects(ClusterStore store, ResourceType<T> type,
                                                                String namespace) {
        return store.list(type, namespace).items().stream().map(StoredObject::object).toList();
    }

    private static byte[] list(ClusterStore store, ResourceType<?> type, String namespace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("{\"kind\":\"" + type.kind() + "List\",\"apiVersion\":\"" + type.apiVersion()
                + "\",\"metadata\":{\"resourceVersion\":\"" + store.revision() + "\"},\"items\":[")
                .getBytes(StandardCharsets.UTF_8));
        List<? extends StoredObject<?>> items = store.list(type, namespace).items();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i).json());
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
