package dev.podscope.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodRowTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void rowsCarryNamespaceOwnerCategoryAndNumbersForSorting() throws Exception {
        List<V1Pod> pods = PodFileReader.read(
                Path.of(getClass().getResource("/format/files/pods-all-namespaces.yaml").toURI()));
        List<PodRow> rows = pods.stream().map(p -> PodRow.of(p, NOW)).toList();

        assertThat(rows).extracting(PodRow::namespace, PodRow::owner, PodRow::category).containsExactly(
                org.assertj.core.groups.Tuple.tuple("default", "Deployment/web", PodCategory.RUNNING),
                org.assertj.core.groups.Tuple.tuple("default", "Deployment/api", PodCategory.WARNING),
                org.assertj.core.groups.Tuple.tuple("default", "Job/backup-28930560", PodCategory.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("default", "StatefulSet/db", PodCategory.RUNNING),
                org.assertj.core.groups.Tuple.tuple("kube-system", "Node/kind-control-plane", PodCategory.RUNNING),
                org.assertj.core.groups.Tuple.tuple("monitoring", "DaemonSet/node-exporter", PodCategory.PENDING));

        PodRow db = rows.get(3);
        assertThat(db.summary()).isEqualTo(new PodSummary(2, 2, "Running", 2,
                OffsetDateTime.parse("2024-12-31T23:57:00Z")));
        assertThat(PodPrinter.cells(db)).isEqualTo(new PodPrinter().cells(pods.get(3), NOW));
        assertThat(rows.get(2).conditions()).extracting(RowCondition::type, RowCondition::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Completed", "Succeeded"));
    }
}
