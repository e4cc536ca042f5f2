package dev.podscope.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Writes a single-context kubeconfig, laid out as {@code kubectl config view --flatten} writes one. */
public final class KubeconfigWriter {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    private KubeconfigWriter() {
    }

    /**
     * @param caPem     the server's CA certificate (PEM), or null for a plain-http server
     * @param token     the bearer token, or null for none
     * @param namespace the context's namespace, or null for none
     */
    public static String yaml(String contextName, String server, byte[] caPem, String token, String namespace) {
        ObjectNode root = YAML.createObjectNode();
        root.put("apiVersion", "v1");
        ObjectNode cluster = root.putArray("clusters").addObject().putObject("cluster");
        if (caPem != null) {
            cluster.put("certificate-authority-data", Base64.getEncoder().encodeToString(caPem));
        }
        cluster.put("server", server);
        ((ObjectNode) root.get("clusters").get(0)).put("name", contextName);
        ArrayNode contexts = root.putArray("contexts");
        ObjectNode context = contexts.addObject().putObject("context");
        context.put("cluster", contextName);
        if (namespace != null) {
            context.put("namespace", namespace);
        }
        context.put("user", contextName);
        ((ObjectNode) contexts.get(0)).put("name", contextName);
        root.put("current-context", contextName);
        root.put("kind", "Config");
        root.putObject("preferences");
        ObjectNode user = root.putArray("users").addObject().put("name", contextName).putObject("user");
        if (token != null) {
            user.put("token", token);
        }
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write kubeconfig YAML", e);
        }
    }
}
