package dev.podscope.format;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Server-side printing of Secrets (Name, Type, Data, Age) and ConfigMaps (Name, Data, Age), as the API server's
 * printSecret and printConfigMap: Data counts keys (data only for a Secret; data and binaryData for a ConfigMap).
 */
public final class ConfigPrinters {
    private static final ColumnDefinition DATA = new ColumnDefinition("Data", "integer", "", "", 0);

    private ConfigPrinters() {
    }

    public static final class SecretPrinter implements ResourcePrinter<V1Secret> {
        private static final List<ColumnDefinition> COLUMNS = List.of(ColumnDefinition.nameColumn(),
                ColumnDefinition.string("Type", ""), DATA, ColumnDefinition.ageColumn());

        @Override
        public List<ColumnDefinition> columns() {
            return COLUMNS;
        }

        @Override
        public List<Object> cells(V1Secret secret, Instant now) {
            V1ObjectMeta meta = secret.getMetadata() == null ? new V1ObjectMeta() : secret.getMetadata();
            return List.of(Text.orEmpty(meta.getName()), Text.orEmpty(secret.getType()), (long) size(secret.getData()),
                    HumanDuration.since(meta.getCreationTimestamp(), now));
        }
    }

    public static final class ConfigMapPrinter implements ResourcePrinter<V1ConfigMap> {
        private static final List<ColumnDefinition> COLUMNS = List.of(ColumnDefinition.nameColumn(), DATA,
                ColumnDefinition.ageColumn());

        @Override
        public List<ColumnDefinition> columns() {
            return COLUMNS;
        }

        @Override
        public List<Object> cells(V1ConfigMap map, Instant now) {
            V1ObjectMeta meta = map.getMetadata() == null ? new V1ObjectMeta() : map.getMetadata();
            return List.of(Text.orEmpty(meta.getName()), (long) (size(map.getData()) + size(map.getBinaryData())),
                    HumanDuration.since(meta.getCreationTimestamp(), now));
        }
    }

    private static int size(Map<?, ?> map) {
        return map == null ? 0 : map.size();
    }
}
