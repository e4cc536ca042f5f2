package dev.podscope.format;

/**
 * One column of a {@code meta.k8s.io/v1} Table, field for field as the API server sends it
 * ({@code format} is {@code ""} when unset; priority 0 columns show by default, priority 1 only with {@code -o wide}).
 */
public record ColumnDefinition(String name, String type, String format, String description, int priority) {

    static final String NAME_DESCRIPTION = "Name must be unique within a namespace. Is required when creating resources, "
            + "although some resources may allow a client to request the generation of an appropriate name automatically. "
            + "Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. "
            + "More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

    static final String CREATION_TIMESTAMP_DESCRIPTION = "CreationTimestamp is a timestamp representing the server time "
            + "when this object was created. It is not guaranteed to be set in happens-before order across separate "
            + "operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\n"
            + "Populated by the system. Read-only. Null for lists. "
            + "More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

    public boolean isWide() {
        return priority != 0;
    }

    static ColumnDefinition string(String name, String description) {
        return new ColumnDefinition(name, "string", "", description, 0);
    }

    static ColumnDefinition wideString(String name, String description) {
        return new ColumnDefinition(name, "string", "", description, 1);
    }

    /** The {@code Name} column every built-in printer starts with. */
    static ColumnDefinition nameColumn() {
        return new ColumnDefinition("Name", "string", "name", NAME_DESCRIPTION, 0);
    }

    static ColumnDefinition ageColumn() {
        return string("Age", CREATION_TIMESTAMP_DESCRIPTION);
    }
}
