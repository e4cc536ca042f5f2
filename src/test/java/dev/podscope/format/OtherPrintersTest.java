package dev.podscope.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Nodes, namespaces, events and the default table, against upstream's printers_test.go cases. */
class OtherPrintersTest {

    @TestFactory
    Stream<DynamicTest> nodes() {
        return cases("nodes/print-node.yaml", "node", V1Node.class, new NodePrinter());
    }

    @TestFactory
    Stream<DynamicTest> namespaces() {
        return cases("namespaces/print-namespace.yaml", "namespace", V1Namespace.class, new NamespacePrinter());
    }

    @TestFactory
    Stream<DynamicTest> events() {
        return cases("events/print-event.yaml", "event", CoreV1Event.class, new EventPrinter());
    }

    private static <T> Stream<DynamicTest> cases(String resource, String field, Class<T> type, ResourcePrinter<T> printer) {
        JsonNode fixture = Fixtures.load(resource);
        Instant now = Fixtures.now(fixture);
        return StreamSupport.stream(fixture.get("cases").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                    List<Object> cells = printer.cells(Fixtures.model(c.get(field), type), now);
                    assertThat(cells).hasSize(printer.columns().size());
                    assertThat(Fixtures.visible(printer.columns(), cells, c.path("wide").asBoolean(true)))
                            .isEqualTo(Fixtures.cells(c.get("cells")));
                }));
    }

    @Test
    void eventCountIsAnIntegerCellAndNameComesLast() {
        EventPrinter printer = new EventPrinter();
        assertThat(printer.columns()).extracting(ColumnDefinition::name).containsExactly("Last Seen", "Type", "Reason",
                "Object", "Subobject", "Source", "Message", "First Seen", "Count", "Name");
        assertThat(printer.columns()).extracting(ColumnDefinition::priority).containsExactly(0, 0, 0, 0, 1, 1, 0, 1, 1, 1);
        CoreV1Event event = new CoreV1Event().metadata(new V1ObjectMeta().name("e")).count(4);
        assertThat(printer.cells(event, Instant.EPOCH).get(8)).isEqualTo(4L);
    }

    @Test
    void nodeColumnsMatchTheApiServer() {
        assertThat(NodePrinter.COLUMNS).extracting(ColumnDefinition::name).containsExactly("Name", "Status", "Roles",
                "Age", "Version", "Internal-IP", "External-IP", "OS-Image", "Kernel-Version", "Container-Runtime");
        assertThat(NodePrinter.COLUMNS).extracting(ColumnDefinition::priority)
                .containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
        assertThat(NamespacePrinter.COLUMNS).extracting(ColumnDefinition::name).containsExactly("Name", "Status", "Age");
    }

    @Test
    void defaultTableShowsNameAndCreationDate() {
        DefaultPrinter printer = new DefaultPrinter();
        assertThat(printer.columns()).extracting(ColumnDefinition::name, ColumnDefinition::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Name", "string"),
                        org.assertj.core.groups.Tuple.tuple("Created At", "date"));
        V1ConfigMap created = new V1ConfigMap().metadata(new V1ObjectMeta().name("settings")
                .creationTimestamp(OffsetDateTime.parse("2024-06-25T16:48:12.345+02:00")));
        assertThat(printer.cells(created, Instant.EPOCH)).containsExactly("settings", "2024-06-25T14:48:12Z");
        assertThat(printer.cells(new V1ConfigMap(), Instant.EPOCH)).containsExactly("", "0001-01-01T00:00:00Z");
    }
}
