package dev.podscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podscope.format.ColumnDefinition;
import dev.podscope.format.GetOutput;
import dev.podscope.format.GetScope;
import dev.podscope.format.TextTable;

import java.util.ArrayList;
import java.util.List;

/** Prints meta.k8s.io Tables that the API server rendered, as kubectl prints them. */
final class ServerTable {
    private ServerTable() {
    }

    static GetOutput render(List<JsonNode> tables, GetScope scope, boolean wide) {
        List<ColumnDefinition> columns = new ArrayList<>();
        for (JsonNode column : tables.getFirst().path("columnDefinitions")) {
            columns.add(new ColumnDefinition(column.path("name").asText(), column.path("type").asText(),
                    column.path("format").asText(), column.path("description").asText(), column.path("priority").asInt()));
        }
        List<List<Object>> rows = new ArrayList<>();
        List<String> namespaces = scope.allNamespaces() ? new ArrayList<>() : null;
        for (JsonNode table : tables) {
            for (JsonNode row : table.path("rows")) {
                List<Object> cells = new ArrayList<>(row.path("cells").size());
                for (JsonNode cell : row.path("cells")) {
                    cells.add(cell.isNumber() ? cell.numberValue() : cell.isBoolean() ? cell.booleanValue()
                            : cell.isNull() ? null : cell.asText());
                }
                rows.add(cells);
                if (namespaces != null) {
                    namespaces.add(row.path("object").path("metadata").path("namespace").asText());
                }
            }
        }
        if (rows.isEmpty()) {
            return new GetOutput("", scope.noResourcesMessage());
        }
        return new GetOutput(TextTable.render(columns, rows, namespaces, wide), "");
    }
}
