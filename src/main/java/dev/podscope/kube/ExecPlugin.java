package dev.podscope.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One client-go credential plugin, run as client-go's exec authenticator runs it: the command with its args, the
 * parent environment plus the configured env plus {@code KUBERNETES_EXEC_INFO}, no stdin (Podscope is never
 * interactive), stdout decoded as an ExecCredential. Unlike kubectl, stderr is captured so failures can show it.
 */
final class ExecPlugin {
    static final String V1 = "client.authentication.k8s.io/v1";
    static final String V1BETA1 = "client.authentication.k8s.io/v1beta1";
    private static final Set<String> MODES = Set.of("Never", "IfAvailable", "Always");
    private static final int MAX_STDERR_CHARS = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecConfig config;
    private final Map<String, String> parentEnv;
    private final String execInfo;

    /**
     * @param cluster the {@code spec.cluster} object sent when {@code provideClusterInfo} is set, else null
     * @throws IllegalArgumentException when the exec stanza is unusable (message as client-go words it)
     */
    ExecPlugin(ExecConfig config, Map<String, String> parentEnv, ObjectNode cluster) {
        validate(config);
        this.config = config;
        this.parentEnv = Map.copyOf(parentEnv);
        this.execInfo = execInfo(config.apiVersion(), config.provideClusterInfo() ? cluster : null);
    }

    ExecCredential run() throws IOException {
        Path executable = lookPath();
        if (executable == null) {
            String hint = config.installHint() == null ? "" : "\n\n" + config.installHint();
            throw new IOException("exec: executable " + config.command() + " not found" + hint);
        }
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(config.args());
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(parentEnv);
        config.env().forEach(v -> env.put(v.name(), v.value()));
        env.put("KUBERNETES_EXEC_INFO", execInfo);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("exec: executable " + config.command() + " could not be started: " + e.getMessage());
        }
        process.getOutputStream().close();
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()),
                Thread::startVirtualThread);
        byte[] stdout = readAll(process.getInputStream());
        int exit;
        String errors;
        try {
            exit = process.waitFor();
            errors = new String(stderr.get(), StandardCharsets.UTF_8).strip();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("exec: interrupted while running " + config.command());
        } catch (ExecutionException e) {
            throw new IOException("exec: cannot read the stderr of " + config.command());
        }
        if (exit != 0) {
            String detail = errors.isEmpty() ? "" : ": " + abbreviate(errors);
            throw new IOException("exec: executable " + config.command() + " failed with exit code " + exit + detail);
        }
        return decode(stdout);
    }

    private ExecCredential decode(byte[] stdout) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(stdout);
        } catch (JsonProcessingException e) {
            // the output may contain a token, so only the location of the error is shown
            String line = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new IOException("decoding stdout: not valid JSON" + line);
        }
        if (root == null || !root.isObject() || !"ExecCredential".equals(root.path("kind").asText())) {
            throw new IOException("decoding stdout: the output is not an ExecCredential");
        }
        String returned = root.path("apiVersion").asText();
        if (!config.apiVersion().equals(returned)) {
            throw new IOException("exec plugin is configured to use API version " + config.apiVersion()
                    + ", plugin returned version " + returned);
        }
        JsonNode status = root.get("status");
        if (status == null || status.isNull()) {
            throw new IOException("exec plugin didn't return a status field");
        }
        String token = text(status, "token");
        String certificate = text(status, "clientCertificateData");
        String key = text(status, "clientKeyData");
        if (token == null && certificate == null && key == null) {
            throw new IOException("exec plugin didn't return a token or cert/key pair");
        }
        if ((certificate == null) != (key == null)) {
            throw new IOException("exec plugin returned only certificate or key, not both");
        }
        ClientCertificate clientCertificate = null;
        if (certificate != null) {
            try {
                clientCertificate = Pem.keyPair(certificate.getBytes(StandardCharsets.US_ASCII),
                        key.getBytes(StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                throw new IOException("failed parsing client key/certificate: " + e.getMessage());
            }
        }
        return new ExecCredential(token, clientCertificate, expiry(status));
    }

    private static Instant expiry(JsonNode status) throws IOException {
        String timestamp = text(status, "expirationTimestamp");
        if (timestamp == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            throw new IOException("decoding stdout: expirationTimestamp \"" + timestamp + "\" is not an RFC 3339 time");
        }
    }

    /** Go's exec.LookPath: a command with a separator is used as is, a bare name is searched on the parent's PATH. */
    private Path lookPath() {
        String command = config.command();
        if (command.indexOf(File.separatorChar) >= 0) {
            Path path = Path.of(command);
            return Files.isRegularFile(path) && Files.isExecutable(path) ? path : null;
        }
        String path = parentEnv.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The KUBERNETES_EXEC_INFO value, field for field what client-go's encoder writes (including the newline). */
    private static String execInfo(String apiVersion, ObjectNode cluster) {
        ObjectNode info = JSON.createObjectNode();
        info.put("kind", "ExecCredential");
        info.put("apiVersion", apiVersion);
        ObjectNode spec = info.putObject("spec");
        if (cluster != null) {
            spec.set("cluster", cluster);
        }
        spec.put("interactive", false);
        return info + "\n";
    }

    private static void validate(ExecConfig config) {
        if (!V1.equals(config.apiVersion()) && !V1BETA1.equals(config.apiVersion())) {
            throw new IllegalArgumentException("exec plugin: invalid apiVersion \"" + config.apiVersion() + "\"");
        }
        if (config.command().isEmpty()) {
            throw new IllegalArgumentException("command must be specified to use exec authentication plugin");
        }
        if (config.env().stream().anyMatch(v -> v.name() == null || v.name().isEmpty())) {
            throw new IllegalArgumentException("env variable name must be specified to use exec authentication plugin");
        }
        String mode = config.interactiveMode();
        if (mode == null) {
            throw new IllegalArgumentException("interactiveMode must be specified to use exec authentication plugin");
        }
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("invalid interactiveMode: \"" + mode + "\"");
        }
        if (mode.equals("Always")) {
            throw new IllegalArgumentException("exec plugin cannot support interactive mode: standard input is not a "
                    + "terminal (interactiveMode is Always, and Podscope never runs credential plugins interactively)");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_STDERR_CHARS ? text : text.substring(0, MAX_STDERR_CHARS) + "...";
    }
}
