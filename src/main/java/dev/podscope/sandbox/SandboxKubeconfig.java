package dev.podscope.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A kubeconfig that points kubectl or any client at a running sandbox, verifying its CA and sending its token. */
public final class SandboxKubeconfig {
    public static final String DEFAULT_NAME = "podscope-sandbox";
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SandboxKubeconfig() {
    }

    /**
     * The kubeconfig text: cluster and user {@value #DEFAULT_NAME}, a context named {@code contextName}
     * ({@value #DEFAULT_NAME} when null) that is current, with {@code namespace} when it is not null.
     */
    public static String yaml(SandboxServer server, String contextName, String namespace) {
        String context = contextName == null ? DEFAULT_NAME : contextName;
        Map<String, Object> contextFields = new LinkedHashMap<>();
        contextFields.put("cluster", DEFAULT_NAME);
        contextFields.put("user", DEFAULT_NAME);
        if (namespace != null) {
            contextFields.put("namespace", namespace);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.put("clusters", List.of(Map.of("name", DEFAULT_NAME, "cluster", orderedMap(
                "server", server.server().toString(),
                "certificate-authority-data", Base64.getEncoder().encodeToString(
                        server.tls().caPem().getBytes(StandardCharsets.US_ASCII))))));
        config.put("users", List.of(Map.of("name", DEFAULT_NAME, "user", Map.of("token", server.token()))));
        config.put("contexts", List.of(orderedMap("name", context, "context", contextFields)));
        config.put("current-context", context);
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the sandbox kubeconfig: " + e.getMessage(), e);
        }
    }

    /** Writes {@link #yaml} to {@code file}, readable by its owner only. */
    public static Path write(Path file, SandboxServer server, String contextName, String namespace) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        Files.writeString(file, yaml(server, contextName, namespace), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        return file;
    }

    private static Map<String, Object> orderedMap(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
