package dev.podscope.format;

/** A {@code TableRowCondition}: the API server marks finished pods with {@code Completed=True}. */
public record RowCondition(String type, String status, String reason, String message) {
}
