package dev.podscope.kube;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.podscope.kube.KubeconfigFile.ContextEntry;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one kubeconfig (YAML or JSON) the way client-go's {@code clientcmd.Load} does: unknown fields are ignored,
 * an empty file is an empty config, a name used twice in one list is an error, and relative paths are resolved
 * against the file's directory ({@code ResolveLocalPaths}).
 */
final class KubeconfigParser {
    private static final ObjectMapper YAML = configure(YAMLMapper.builder().build());
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());

    private KubeconfigParser() {
    }

    /** Parses {@code content} read from {@code file} (absolute); throws with a message that omits the file name. */
    static KubeconfigFile parse(Path file, byte[] content) throws ProblemException {
        ConfigDto dto = read(content);
        Path dir = file.getParent();
        Map<String, ClusterEntry> clusters = index("cluster", dto.clusters(), NamedClusterDto::name,
                named -> cluster(named, dir, file));
        Map<String, UserEntry> users = index("user", dto.users(), NamedUserDto::name, named -> user(named, dir, file));
        Map<String, ContextEntry> contexts = index("context", dto.contexts(), NamedContextDto::name,
                named -> context(named, file));
        return new KubeconfigFile(file, clusters, users, contexts, emptyToNull(dto.currentContext()));
    }

    private static ConfigDto read(byte[] content) throws ProblemException {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return ConfigDto.EMPTY;
        }
        // like the Kubernetes serializer, treat a document that starts with '{' as JSON (SnakeYAML rejects tabs in it)
        boolean json = text.strip().startsWith("{");
        JsonNode root;
        try {
            root = (json ? JSON : YAML).readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProblemException(syntaxProblem(json ? "JSON" : "YAML", e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return ConfigDto.EMPTY;
        }
        if (!root.isObject()) {
            throw new ProblemException("not a kubeconfig (the top level is not a mapping)");
        }
        try {
            return YAML.treeToValue(root, ConfigDto.class);
        } catch (JsonMappingException e) {
            throw new ProblemException("not a valid kubeconfig: " + fieldPath(e) + " has the wrong type");
        } catch (JsonProcessingException e) {
            throw new ProblemException("not a valid kubeconfig: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String syntaxProblem(String format, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            return "not valid YAML at line " + (yaml.getProblemMark().getLine() + 1) + ": " + yaml.getProblem();
        }
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        return "not valid " + format + (line > 0 ? " at line " + line : "") + ": " + firstLine(e.getOriginalMessage());
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the document" : path.toString();
    }

    private static <D, E> Map<String, E> index(String kind, List<D> items, Function<D, String> name,
                                               Converter<D, E> convert) throws ProblemException {
        Map<String, E> result = new LinkedHashMap<>();
        for (D item : items == null ? List.<D>of() : items) {
            String key = name.apply(item);
            if (result.containsKey(key)) {
                throw new ProblemException("duplicate " + kind + " name \"" + key + "\"");
            }
            result.put(key, convert.apply(item));
        }
        return result;
    }

    private static ClusterEntry cluster(NamedClusterDto named, Path dir, Path file) throws ProblemException {
        ClusterDto c = named.cluster() == null ? ClusterDto.EMPTY : named.cluster();
        String where = "cluster \"" + named.name() + "\"";
        return new ClusterEntry(named.name(), emptyToNull(c.server()), resolve(dir, c.certificateAuthority()),
                base64(c.certificateAuthorityData(), "certificate-authority-data of " + where),
                c.insecureSkipTlsVerify(), emptyToNull(c.tlsServerName()), emptyToNull(c.proxyUrl()), file);
    }

    private static UserEntry user(NamedUserDto named, Path dir, Path file) throws ProblemException {
        UserDto u = named.user() == null ? UserDto.EMPTY : named.user();
        String where = "user \"" + named.name() + "\"";
        return new UserEntry(named.name(), resolve(dir, u.clientCertificate()),
                base64(u.clientCertificateData(), "client-certificate-data of " + where), resolve(dir, u.clientKey()),
                base64(u.clientKeyData(), "client-key-data of " + where), emptyToNull(u.token()),
                resolve(dir, u.tokenFile()), emptyToNull(u.username()), emptyToNull(u.password()),
                u.exec() == null ? null : exec(u.exec(), dir), file);
    }

    private static ExecConfig exec(ExecDto e, Path dir) {
        String command = e.command() == null ? "" : e.command();
        // only a command naming a path is resolved; a bare name is looked up on PATH
        if (command.indexOf(File.separatorChar) >= 0) {
            command = resolve(dir, command).toString();
        }
        String mode = emptyToNull(e.interactiveMode());
        if (mode == null && (ExecPlugin.V1BETA1.equals(e.apiVersion()) || "client.authentication.k8s.io/v1alpha1"
                .equals(e.apiVersion()))) {
            mode = "IfAvailable";
        }
        List<ExecConfig.EnvVar> env = e.env() == null ? List.of()
                : e.env().stream().map(v -> new ExecConfig.EnvVar(v.name(), v.value() == null ? "" : v.value())).toList();
        return new ExecConfig(command, e.args() == null ? List.of() : e.args(), env, e.apiVersion(),
                emptyToNull(e.installHint()), e.provideClusterInfo(), mode);
    }

    private static ContextEntry context(NamedContextDto named, Path file) {
        ContextDto c = named.context() == null ? ContextDto.EMPTY : named.context();
        return new ContextEntry(named.name(), nullToEmpty(c.cluster()), nullToEmpty(c.user()),
                emptyToNull(c.namespace()), file);
    }

    private static Path resolve(Path dir, String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        return dir.resolve(path).normalize();
    }

    private static byte[] base64(String data, String what) throws ProblemException {
        if (data == null || data.isEmpty()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(data.replace("\r", "").replace("\n", ""));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(what + " is not valid base64");
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String firstLine(String message) {
        String text = message == null ? "unreadable" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** A reason one file cannot be used; the loader prefixes the file name. */
    static final class ProblemException extends IOException {
        ProblemException(String message) {
            super(message);
        }
    }

    @FunctionalInterface
    private interface Converter<D, E> {
        E apply(D dto) throws ProblemException;
    }

    private record ConfigDto(List<NamedClusterDto> clusters, List<NamedUserDto> users,
                             List<NamedContextDto> contexts, @JsonProperty("current-context") String currentContext) {
        static final ConfigDto EMPTY = new ConfigDto(null, null, null, null);
    }

    private record NamedClusterDto(String name, ClusterDto cluster) {
        NamedClusterDto {
            name = name == null ? "" : name;
        }
    }

    private record ClusterDto(String server, @JsonProperty("certificate-authority") String certificateAuthority,
                              @JsonProperty("certificate-authority-data") String certificateAuthorityData,
                              @JsonProperty("insecure-skip-tls-verify") boolean insecureSkipTlsVerify,
                              @JsonProperty("tls-server-name") String tlsServerName,
                              @JsonProperty("proxy-url") String proxyUrl) {
        static final ClusterDto EMPTY = new ClusterDto(null, null, null, false, null, null);
    }

    private record NamedUserDto(String name, UserDto user) {
        NamedUserDto {
            name = name == null ? "" : name;
        }
    }

    private record UserDto(@JsonProperty("client-certificate") String clientCertificate,
                           @JsonProperty("client-certificate-data") String clientCertificateData,
                           @JsonProperty("client-key") String clientKey,
                           @JsonProperty("client-key-data") String clientKeyData, String token, String tokenFile,
                           String username, String password, ExecDto exec) {
        static final UserDto EMPTY = new UserDto(null, null, null, null, null, null, null, null, null);
    }

    private record ExecDto(String command, List<String> args, List<EnvDto> env, String apiVersion,
                           String installHint, boolean provideClusterInfo, String interactiveMode) {
    }

    private record EnvDto(String name, String value) {
    }

    private record NamedContextDto(String name, ContextDto context) {
        NamedContextDto {
            name = name == null ? "" : name;
        }
    }

    private record ContextDto(String cluster, String user, String namespace) {
        static final ContextDto EMPTY = new ContextDto(null, null, null);
    }
}
