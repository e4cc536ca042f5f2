package dev.podscope.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.gson.JsonParseException;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pods for {@code get pods -f FILE}: a Pod, a PodList or a {@code List} of Pods, as JSON or as YAML with
 * any number of documents. Like kubectl it accepts unknown fields and missing optional-looking ones
 * (see {@link ModelJson}).
 */
public final class PodFileReader {

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
    private static final YAMLMapper YAML_MAPPER = new YAMLMapper();

    private PodFileReader() {
    }

    public static List<V1Pod> read(Path file) throws PodFileException {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PodFileException(file + ": no such file");
        } catch (IOException e) {
            throw new PodFileException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file.toString(), content);
    }

    /** @param source the file name (or "stdin") used in error messages */
    public static List<V1Pod> parse(String source, String content) throws PodFileException {
        List<V1Pod> pods = new ArrayList<>();
        int index = 0;
        for (JsonNode document : documents(source, content)) {
            index++;
            if (document == null || document.isNull() || document.isMissingNode()) {
                continue; // an empty YAML document, e.g. after a trailing "---"
            }
            addPods(source, index, document, pods);
        }
        return pods;
    }

    private static List<JsonNode> documents(String source, String content) throws PodFileException {
        String trimmed = content.stripLeading();
        boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
        ObjectMapper mapper = json ? JSON_MAPPER : YAML_MAPPER;
        try (JsonParser parser = mapper.createParser(content);
             MappingIterator<JsonNode> values = mapper.readValues(parser, JsonNode.class)) {
            return values.readAll();
        } catch (JsonProcessingException e) {
            throw new PodFileException(source + ": invalid " + (json ? "JSON" : "YAML") + at(e.getLocation())
                    + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            throw new PodFileException(source + ": invalid " + (json ? "JSON" : "YAML") + ": "
                    + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static void addPods(String source, int index, JsonNode document, List<V1Pod> pods)
            throws PodFileException {
        String where = source + ": document " + index;
        if (!document.isObject()) {
            throw new PodFileException(where + " is not an object; expected a Pod, PodList or List");
        }
        String kind = document.path("kind").asText("");
        switch (kind) {
            case "Pod" -> pods.add(toPod(where, document));
            case "PodList", "List" -> {
                JsonNode items = document.path("items");
                if (!items.isArray() && !items.isMissingNode() && !items.isNull()) {
                    throw new PodFileException(where + ": items is not a list");
                }
                for (int i = 0; i < items.size(); i++) {
                    JsonNode item = items.get(i);
                    String itemKind = item.path("kind").asText("");
                    String itemWhere = where + ", item " + (i + 1);
                    if (!itemKind.isEmpty() && !itemKind.equals("Pod")) {
                        throw new PodFileException(itemWhere + " is a " + itemKind + ", not a Pod");
                    }
                    pods.add(toPod(itemWhere, item));
                }
            }
            case "" -> throw new PodFileException(where + " has no kind; expected Pod, PodList or List");
            default -> throw new PodFileException(where + " is a " + kind + ", not a Pod");
        }
    }

    private static V1Pod toPod(String where, JsonNode node) throws PodFileException {
        if (!node.isObject()) {
            throw new PodFileException(where + " is not an object");
        }
        try {
            return ModelJson.decode(node.toString(), V1Pod.class);
        } catch (JsonParseException | IllegalArgumentException | DateTimeException e) {
            throw new PodFileException(where + " is not a valid Pod: " + decodingProblem(e));
        }
    }

    /** Gson wraps the useful message; its line and column point into re-encoded JSON, not the file, so drop them. */
    private static String decodingProblem(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return firstLine(String.valueOf(cause.getMessage())).replaceFirst(" at line \\d+ column \\d+ path ", " at ");
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
