package dev.podscope.format;

import java.time.Instant;
import java.util.List;

/**
 * Server-side printing for one kind: the column definitions and, per object, the cells of its Table row
 * in the same order and with the same JSON types as the Kubernetes API server (which always prints wide).
 */
public interface ResourcePrinter<T> {

    List<ColumnDefinition> columns();

    /** One cell per column; {@code String} cells are JSON strings, {@code Long} cells JSON integers. */
    List<Object> cells(T object, Instant now);

    /** Row conditions of the Table row; most kinds have none. */
    default List<RowCondition> conditions(T object) {
        return List.of();
    }
}
