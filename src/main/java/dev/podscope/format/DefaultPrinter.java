package dev.podscope.format;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The API server's default table for kinds without a printer (custom resources and the like):
 * Name, and Created At as an RFC 3339 UTC date, which kubectl prints verbatim.
 */
public final class DefaultPrinter implements ResourcePrinter<KubernetesObject> {

    public static final List<ColumnDefinition> COLUMNS = List.of(
            ColumnDefinition.nameColumn(),
            new ColumnDefinition("Created At", "date", "", ColumnDefinition.CREATION_TIMESTAMP_DESCRIPTION, 0));

    /** Go formats its zero time, which an unset timestamp decodes to, like this. */
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(KubernetesObject object, Instant now) {
        V1ObjectMeta meta = object.getMetadata() == null ? new V1ObjectMeta() : object.getMetadata();
        return List.of(Text.orEmpty(meta.getName()), createdAt(meta.getCreationTimestamp()));
    }

    private static String createdAt(OffsetDateTime timestamp) {
        if (timestamp == null) {
            return ZERO_TIME;
        }
        return timestamp.toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
