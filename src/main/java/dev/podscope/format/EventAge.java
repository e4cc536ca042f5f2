package dev.podscope.format;

import io.kubernetes.client.openapi.models.CoreV1Event;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The columns of an event as {@code kubectl describe} lists them under "Events:" ({@code DescribeEvents} in
 * kubectl's describe.go): Age is {@code 5m}, or {@code 5m (x3 over 20m)} for a repeated event; From is the source
 * component, or the reporting controller of an events.k8s.io event.
 */
public final class EventAge {

    private EventAge() {
    }

    /** The Age column: last seen, with "(xN over FIRST)" when the event repeated. */
    public static String describe(CoreV1Event event, Instant now) {
        String first = firstSeen(event, now);
        if (event.getSeries() != null) {
            int count = event.getSeries().getCount() == null ? 0 : event.getSeries().getCount();
            return HumanDuration.since(event.getSeries().getLastObservedTime(), now)
                    + " (x" + count + " over " + first + ")";
        }
        int count = event.getCount() == null ? 0 : event.getCount();
        if (count > 1) {
            return HumanDuration.since(event.getLastTimestamp(), now) + " (x" + count + " over " + first + ")";
        }
        return first;
    }

    /** Age of the first occurrence: eventTime when set, else firstTimestamp. */
    public static String firstSeen(CoreV1Event event, Instant now) {
        return event.getEventTime() != null
                ? HumanDuration.since(event.getEventTime(), now)
                : HumanDuration.since(event.getFirstTimestamp(), now);
    }

    /** {@code kubectl get events}' LAST SEEN column. */
    public static String lastSeen(CoreV1Event event, Instant now) {
        return (String) new EventPrinter().cells(event, now).get(0);
    }

    /** When the event last happened: series.lastObservedTime, lastTimestamp, eventTime or firstTimestamp. */
    public static Instant lastTime(CoreV1Event event) {
        OffsetDateTime t = event.getSeries() != null ? event.getSeries().getLastObservedTime() : null;
        if (t == null) {
            t = event.getLastTimestamp();
        }
        if (t == null) {
            t = event.getEventTime();
        }
        if (t == null) {
            t = event.getFirstTimestamp();
        }
        return t == null ? Instant.EPOCH : t.toInstant();
    }

    /** How many times it happened: series count, count, or 1. */
    public static int count(CoreV1Event event) {
        if (event.getSeries() != null && event.getSeries().getCount() != null) {
            return event.getSeries().getCount();
        }
        return event.getCount() == null || event.getCount() < 1 ? 1 : event.getCount();
    }

    /** The From column: source component, or the reporting controller. */
    public static String from(CoreV1Event event) {
        String component = event.getSource() == null ? null : event.getSource().getComponent();
        return !Text.isEmpty(component) ? component : Text.orEmpty(event.getReportingComponent());
    }

    /** The Message column, trimmed as Go's strings.TrimSpace. */
    public static String message(CoreV1Event event) {
        return EventPrinter.trimSpace(Text.orEmpty(event.getMessage()));
    }

    public static String type(CoreV1Event event) {
        return Text.orEmpty(event.getType());
    }

    public static String reason(CoreV1Event event) {
        return Text.orEmpty(event.getReason());
    }

    public static boolean isWarning(CoreV1Event event) {
        return "Warning".equals(event.getType());
    }
}
