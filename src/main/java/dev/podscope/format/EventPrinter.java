package dev.podscope.format;

import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Server-side printing of core/v1 events, as upstream's {@code printEvent}. Unlike other kinds the Name column
 * comes last: Last Seen, Type, Reason, Object, Subobject, Source, Message, First Seen, Count (integer), Name.
 */
public final class EventPrinter implements ResourcePrinter<CoreV1Event> {

    public static final List<ColumnDefinition> COLUMNS = List.of(
            ColumnDefinition.string("Last Seen",
                    "The time at which the most recent occurrence of this event was recorded."),
            ColumnDefinition.string("Type",
                    "Type of this event (Normal, Warning), new types could be added in the future"),
            ColumnDefinition.string("Reason", "This should be a short, machine understandable string that gives "
                    + "the reason for the transition into the object's current status."),
            ColumnDefinition.string("Object", "The object that this event is about."),
            ColumnDefinition.wideString("Subobject", "If referring to a piece of an object instead of an entire "
                    + "object, this string should contain a valid JSON/Go field access statement, such as "
                    + "desiredState.manifest.containers[2]. For example, if the object reference is to a container "
                    + "within a pod, this would take on a value like: \"spec.containers{name}\" (where \"name\" "
                    + "refers to the name of the container that triggered the event) or if no container name is "
                    + "specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen "
                    + "only to have some well-defined way of referencing a part of an object."),
            ColumnDefinition.wideString("Source",
                    "The component reporting this event. Should be a short machine understandable string."),
            ColumnDefinition.string("Message", "A human-readable description of the status of this operation."),
            ColumnDefinition.wideString("First Seen",
                    "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)"),
            ColumnDefinition.wideString("Count", "The number of times this event has occurred."),
            new ColumnDefinition("Name", "string", "name", ColumnDefinition.NAME_DESCRIPTION, 1));

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(CoreV1Event event, Instant now) {
        String firstSeen = event.getFirstTimestamp() != null
                ? HumanDuration.since(event.getFirstTimestamp(), now)
                : HumanDuration.since(event.getEventTime(), now);
        String lastSeen = event.getLastTimestamp() != null ? HumanDuration.since(event.getLastTimestamp(), now) : firstSeen;
        long count = event.getCount() == null ? 0 : event.getCount();
        if (event.getSeries() != null) {
            OffsetDateTime lastObserved = event.getSeries().getLastObservedTime();
            lastSeen = HumanDuration.since(lastObserved, now);
            count = event.getSeries().getCount() == null ? 0 : event.getSeries().getCount();
        } else if (count == 0) {
            count = 1; // singleton events of the events.k8s.io API leave count unset
        }
        V1ObjectReference involved = event.getInvolvedObject() == null ? new V1ObjectReference() : event.getInvolvedObject();
        return List.of(
                lastSeen,
                Text.orEmpty(event.getType()),
                Text.orEmpty(event.getReason()),
                target(involved),
                Text.orEmpty(involved.getFieldPath()),
                source(event.getSource(), event.getReportingComponent(), event.getReportingInstance()),
                trimSpace(Text.orEmpty(event.getMessage())),
                firstSeen,
                count,
                Text.orEmpty(event.getMetadata() == null ? null : event.getMetadata().getName()));
    }

    /** {@code pod/web-1}; just the kind when the name is empty. */
    private static String target(V1ObjectReference involved) {
        String kind = Text.orEmpty(involved.getKind()).toLowerCase(Locale.ROOT);
        return Text.isEmpty(involved.getName()) ? kind : kind + "/" + involved.getName();
    }

    /** {@code component, host}; reporting controller and instance stand in for an empty source. */
    static String source(V1EventSource source, String reportingController, String reportingInstance) {
        String component = firstNonEmpty(source == null ? null : source.getComponent(), reportingController);
        String instance = firstNonEmpty(source == null ? null : source.getHost(), reportingInstance);
        return instance.isEmpty() ? component : component + ", " + instance;
    }

    private static String firstNonEmpty(String first, String second) {
        return !Text.isEmpty(first) ? first : Text.orEmpty(second);
    }

    /** Go's {@code strings.TrimSpace}: also trims NEL and no-break space, which {@link String#strip()} keeps. */
    static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isGoSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isGoSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isGoSpace(char c) {
        return c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085'
                || Character.isSpaceChar(c);
    }
}
