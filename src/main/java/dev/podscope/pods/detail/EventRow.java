package dev.podscope.pods.detail;

import dev.podscope.format.EventAge;
import io.kubernetes.client.openapi.models.CoreV1Event;

import java.time.Instant;

/**
 * One event as {@code kubectl describe pod} lists it: Type, Reason, Age ("5m (x3 over 20m)"), From, Message.
 * {@code subobject} is the container it is about ({@code spec.containers{app}}), else "".
 */
public record EventRow(String uid, String type, String reason, String age, String from, String message,
                       String subobject, boolean warning, Instant lastTime) {

    public static EventRow of(CoreV1Event event, Instant now) {
        String uid = event.getMetadata() == null ? "" : String.valueOf(event.getMetadata().getUid());
        String subobject = event.getInvolvedObject() == null || event.getInvolvedObject().getFieldPath() == null
                ? "" : event.getInvolvedObject().getFieldPath();
        return new EventRow(uid, EventAge.type(event), EventAge.reason(event), EventAge.describe(event, now),
                EventAge.from(event), EventAge.message(event), subobject, EventAge.isWarning(event),
                EventAge.lastTime(event));
    }
}
