package dev.podscope.sandbox.api;

import com.google.gson.JsonArray;
import dev.podscope.format.ColumnDefinition;
import dev.podscope.format.ResourcePrinter;
import dev.podscope.format.RowCondition;
import com.google.gson.JsonObject;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.common.KubernetesObject;
import dev.podscope.format.WireJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Server-side printing: {@code meta.k8s.io} Tables for lists, single objects and watch events. */
final class TableWriter {
    private static final Set<String> INCLUDE_OBJECT = Set.of("None", "Metadata", "Object");

    private final TableFormat format;
    private final ResourcePrinter<KubernetesObject> printer;
    private final Clock clock;
    private final ObjectView view;

    /** {@code clock} is the cluster's, so that ages follow the sandbox's time. */
    TableWriter(ResourceType<?> type, TableFormat format, Clock clock) {
        this(type, format, clock, ObjectView.stored(type));
    }

    /** Rows of a list whose included objects are shown through {@code view}. */
    TableWriter(ResourceType<?> type, TableFormat format, Clock clock, ObjectView view) {
        if (!INCLUDE_OBJECT.contains(format.includeObject())) {
            throw ApiError.badRequest("includeObject must be one of None, Metadata or Object, not \""
                    + format.includeObject() + "\"");
        }
        this.format = format;
        this.printer = RowPrinters.forType(type);
        this.clock = clock;
        this.view = view;
    }

    void writeList(OutputStream out, String resourceVersion, String continueToken,
                   List<? extends StoredObject<?>> items) throws IOException {
        writeHeader(out, resourceVersion, continueToken, true);
        Instant now = clock.instant();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            writeRow(out, items.get(i).object(), view.json(items.get(i).json()), now);
        }
        out.write("]}".getBytes(StandardCharsets.UTF_8));
    }

    /** A one-row Table for a watch event; only the first event of a watch carries the column definitions. */
    byte[] eventTable(KubernetesObject object, byte[] json, boolean withColumns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 2 + 512);
        try {
            writeHeader(out, object.getMetadata().getResourceVersion(), null, withColumns);
            writeRow(out, object, json, clock.instant());
            out.write("]}".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void writeHeader(OutputStream out, String resourceVersion, String continueToken, boolean withColumns)
            throws IOException {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("resourceVersion", resourceVersion);
        if (continueToken != null) {
            metadata.addProperty("continue", continueToken);
        }
        String header = "{\"kind\":\"Table\",\"apiVersion\":\"" + format.apiVersion() + "\",\"metadata\":" + metadata
                + ",\"columnDefinitions\":" + (withColumns ? columns() : "null") + ",\"rows\":[";
        out.write(header.getBytes(StandardCharsets.UTF_8));
    }

    private String columns() {
        JsonArray columns = new JsonArray();
        for (ColumnDefinition column : printer.columns()) {
            JsonObject definition = new JsonObject();
            definition.addProperty("name", column.name());
            definition.addProperty("type", column.type());
            definition.addProperty("format", column.format());
            definition.addProperty("description", column.description());
            definition.addProperty("priority", column.priority());
            columns.add(definition);
        }
        return columns.toString();
    }

    private void writeRow(OutputStream out, KubernetesObject object, byte[] json, Instant now) throws IOException {
        out.write("{\"cells\":".getBytes(StandardCharsets.UTF_8));
        out.write(WireJson.bytes(printer.cells(object, now)));
        List<RowCondition> conditions = printer.conditions(object);
        if (!conditions.isEmpty()) {
            out.write(",\"conditions\":".getBytes(StandardCharsets.UTF_8));
            out.write(WireJson.bytes(conditions));
        }
        switch (format.includeObject()) {
            case "Object" -> {
                out.write(",\"object\":".getBytes(StandardCharsets.UTF_8));
                out.write(json);
            }
            case "Metadata" -> out.write((",\"object\":{\"kind\":\"PartialObjectMetadata\",\"apiVersion\":\""
                    + "meta.k8s.io/v1\",\"metadata\":" + WireJson.serialize(object.getMetadata()) + "}")
                    .getBytes(StandardCharsets.UTF_8));
            default -> { }
        }
        out.write('}');
    }
}
