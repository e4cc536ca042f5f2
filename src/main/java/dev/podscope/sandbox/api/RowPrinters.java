package dev.podscope.sandbox.api;

import dev.podscope.sandbox.store.ResourceType;
import io.kubernetes.client.common.KubernetesObject;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The printer for each resource type's Table. */
final class RowPrinters {
    /** The API server's default table convertor, used for types without a dedicated printer. */
    private static final RowPrinter<KubernetesObject> NAME_AND_CREATION = new RowPrinter<>() {
        private final List<Column> columns = List.of(
                new Column("Name", "string", "name", "Name must be unique within a namespace.", 0),
                new Column("Created At", "date", "", "CreationTimestamp is a timestamp representing the server time "
                        + "when this object was created.", 0));

        @Override
        public List<Column> columns() {
            return columns;
        }

        @Override
        public List<Object> cells(KubernetesObject object, Instant now) {
            var created = object.getMetadata().getCreationTimestamp();
            return List.of(object.getMetadata().getName(), created == null ? ""
                    : DateTimeFormatter.ISO_INSTANT.format(created.toInstant().truncatedTo(ChronoUnit.SECONDS)));
        }
    };

    private RowPrinters() {
    }

    static RowPrinter<KubernetesObject> forType(ResourceType<?> type) {
        return NAME_AND_CREATION;
    }
}
