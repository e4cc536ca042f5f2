package dev.podscope.describe;

import dev.podscope.events.EventOrder;
import dev.podscope.format.EventAge;
import io.kubernetes.client.openapi.models.CoreV1Event;
import java.time.Instant;
import java.util.List;

/** describe.go's DescribeEvents: a separately aligned table of Type, Reason, Age, From, Message. */
final class EventsSection {

    private EventsSection() {
    }

    static void describe(DescribeWriter w, List<CoreV1Event> events, Instant now) {
        if (events.isEmpty()) {
            w.write(0, "Events:\t<none>\n");
            return;
        }
        w.flush();
        w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
        w.write(1, "----\t------\t----\t----\t-------\n");
        for (CoreV1Event e : EventOrder.sorted(events)) {
            w.write(1, EventAge.type(e) + "\t" + EventAge.reason(e) + "\t" + EventAge.describe(e, now) + "\t"
                    + EventAge.from(e) + "\t" + EventAge.message(e) + "\n");
        }
    }
}
