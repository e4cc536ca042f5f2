package dev.podscope.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PodPrinterTest {

    private static final PodPrinter PRINTER = new PodPrinter();

    @TestFactory
    Stream<DynamicContainer> printsPodsLikeTheApiServer() {
        return Stream.of("print-pod.yaml", "print-pod-restartable-init.yaml", "print-pod-wide.yaml",
                        "print-pod-conditions.yaml", "podscope-cases.yaml")
                .map(file -> DynamicContainer.dynamicContainer(file, cases("pods/" + file)));
    }

    private static Stream<DynamicTest> cases(String resource) {
        JsonNode fixture = Fixtures.load(resource);
        Instant now = Fixtures.now(fixture);
        boolean wide = fixture.get("wide").asBoolean();
        return StreamSupport.stream(fixture.get("cases").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                    V1Pod pod = Fixtures.model(c.get("pod"), V1Pod.class);
                    List<Object> cells = PRINTER.cells(pod, now);
                    assertThat(cells).hasSize(PodPrinter.COLUMNS.size());
                    assertThat(Fixtures.visible(PodPrinter.COLUMNS, cells, wide))
                            .isEqualTo(Fixtures.cells(c.get("cells")));
                    assertThat(PRINTER.conditions(pod)).isEqualTo(Fixtures.conditions(c.path("conditions")));
                }));
    }

    /** Upstream TestPrintPodList, read through the pod file reader as a real PodList. */
    @Test
    void printsEveryPodOfAList() throws PodFileException {
        JsonNode fixture = Fixtures.load("pods/pod-list.yaml");
        List<V1Pod> pods = PodFileReader.parse("pod-list.yaml", fixture.get("list").toString());
        List<List<Object>> rows = pods.stream().map(pod -> PRINTER.cells(pod, Fixtures.now(fixture)))
                .map(cells -> Fixtures.visible(PodPrinter.COLUMNS, cells, false))
                .toList();
        assertThat(rows).isEqualTo(StreamSupport.stream(fixture.get("rows").spliterator(), false)
                .map(Fixtures::cells).toList());
    }

    @Test
    void columnsMatchTheApiServer() {
        assertThat(PodPrinter.COLUMNS).extracting(ColumnDefinition::name).containsExactly(
                "Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates");
        assertThat(PodPrinter.COLUMNS).extracting(ColumnDefinition::priority).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1);
        assertThat(PodPrinter.COLUMNS).extracting(ColumnDefinition::type).containsOnly("string");
        assertThat(PodPrinter.COLUMNS).extracting(ColumnDefinition::format)
                .containsExactly("name", "", "", "", "", "", "", "", "");
        assertThat(PodPrinter.COLUMNS.get(4).description()).startsWith("CreationTimestamp is a timestamp")
                .contains("in UTC.\n\nPopulated by the system.");
    }
}
