package dev.podscope.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Table-driven fixtures under src/test/resources/format: {@code now}, {@code wide} and a list of cases. */
final class Fixtures {

    private static final YAMLMapper YAML = new YAMLMapper();

    private Fixtures() {
    }

    static JsonNode load(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/format/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Instant now(JsonNode fixture) {
        return Instant.parse(fixture.get("now").asText());
    }

    static <T> T model(JsonNode node, Class<T> type) {
        return ModelJson.decode(node.toString(), type);
    }

    /** Expected cells: JSON strings as String, JSON integers as Long, like the Table cells we produce. */
    static List<Object> cells(JsonNode array) {
        List<Object> cells = new ArrayList<>();
        for (JsonNode cell : array) {
            cells.add(cell.isIntegralNumber() ? (Object) cell.asLong() : cell.asText());
        }
        return cells;
    }

    static List<RowCondition> conditions(JsonNode array) {
        List<RowCondition> conditions = new ArrayList<>();
        for (JsonNode c : array) {
            conditions.add(new RowCondition(c.get("type").asText(), c.get("status").asText(),
                    c.get("reason").asText(), c.get("message").asText()));
        }
        return conditions;
    }

    /** The cells kubectl shows without {@code -o wide}: upstream's non-wide tests expect only these. */
    static List<Object> visible(List<ColumnDefinition> columns, List<Object> cells, boolean wide) {
        List<Object> visible = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (wide || !columns.get(i).isWide()) {
                visible.add(cells.get(i));
            }
        }
        return visible;
    }
}
