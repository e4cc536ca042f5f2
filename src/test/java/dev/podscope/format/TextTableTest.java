package dev.podscope.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Byte-for-byte against what kubectl 1.32.4 printed for the same Tables (see resources/format/tables/README.md). */
class TextTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> printsTablesLikeKubectl() throws IOException {
        JsonNode cases = JSON.readTree(resource("cases.json"));
        return StreamSupport.stream(cases.spliterator(), false).map(c -> DynamicTest.dynamicTest(
                c.get("case").asText(), () -> {
                    JsonNode table = JSON.readTree(resource(c.get("table").asText()));
                    boolean allNamespaces = c.get("allNamespaces").asBoolean();
                    String rendered = TextTable.render(columns(table), rows(table),
                            allNamespaces ? namespaces(table) : null, c.get("wide").asBoolean());
                    assertThat(rendered).isEqualTo(text(c.get("case").asText() + ".txt"));
                }));
    }

    @Test
    void printsNothingForNoRows() {
        assertThat(TextTable.render(PodPrinter.COLUMNS, List.of(), null, false)).isEmpty();
        assertThat(TextTable.render(PodPrinter.COLUMNS, List.of(), List.of(), true)).isEmpty();
    }

    @Test
    void rejectsNamespacesThatDoNotMatchTheRows() {
        assertThatThrownBy(() -> TextTable.render(NamespacePrinter.COLUMNS, List.of(List.of("a", "", "1d")),
                List.of(), false)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<ColumnDefinition> columns(JsonNode table) {
        List<ColumnDefinition> columns = new ArrayList<>();
        for (JsonNode c : table.get("columnDefinitions")) {
            columns.add(new ColumnDefinition(c.get("name").asText(), c.get("type").asText(), c.get("format").asText(),
                    c.get("description").asText(), c.get("priority").asInt()));
        }
        return columns;
    }

    private static List<List<Object>> rows(JsonNode table) {
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            List<Object> cells = new ArrayList<>();
            for (JsonNode cell : row.get("cells")) {
                cells.add(cell.isNull() ? null
                        : cell.isIntegralNumber() ? (Object) cell.asLong()
                        : cell.isNumber() ? (Object) cell.asDouble()
                        : cell.isBoolean() ? (Object) cell.asBoolean()
                        : cell.asText());
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> namespaces(JsonNode table) {
        List<String> namespaces = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            namespaces.add(row.at("/object/metadata/namespace").asText());
        }
        return namespaces;
    }

    private static InputStream resource(String name) {
        return TextTableTest.class.getResourceAsStream("/format/tables/" + name);
    }

    private static String text(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
