package dev.podscope.sandbox.api;

import java.time.Instant;
import java.util.List;

/** Columns and cells of one resource type's Table, with the shape of the format package's printers. */
interface RowPrinter<T> {
    record Column(String name, String type, String format, String description, int priority) {
    }

    List<Column> columns();

    List<Object> cells(T object, Instant now);
}
