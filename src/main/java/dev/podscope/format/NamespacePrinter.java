package dev.podscope.format;

import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Instant;
import java.util.List;

/** Server-side printing of namespaces: Name, Status (the phase, "" when unset), Age. */
public final class NamespacePrinter implements ResourcePrinter<V1Namespace> {

    public static final List<ColumnDefinition> COLUMNS = List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.string("Status", "The status of the namespace"),
            ColumnDefinition.ageColumn());

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(V1Namespace namespace, Instant now) {
        V1ObjectMeta meta = namespace.getMetadata() == null ? new V1ObjectMeta() : namespace.getMetadata();
        String phase = namespace.getStatus() == null ? null : namespace.getStatus().getPhase();
        return List.of(Text.orEmpty(meta.getName()), Text.orEmpty(phase),
                HumanDuration.since(meta.getCreationTimestamp(), now));
    }
}
