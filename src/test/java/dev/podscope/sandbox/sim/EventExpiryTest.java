package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Events not repeated for an hour go, as with the API server's default --event-ttl. */
class EventExpiryTest {
    private final ClusterStore store = new ClusterStore(
            Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC), 100, 1);

    @Test
    void eventsLastSeenMoreThanAnHourAgoAreDeleted() {
        store.create(Resources.NAMESPACES, new V1Namespace().metadata(new V1ObjectMeta().name("shop")));
        OffsetDateTime now = store.now();
        event("long-quiet", now.minusHours(5), now.minus(Duration.ofMinutes(61)));
        event("old-but-repeating", now.minusHours(5), now.minusMinutes(1));
        event("recent", now.minusMinutes(59), now.minusMinutes(59));
        event("without-times", null, null);

        assertThat(EventExpiry.expire(store)).isEqualTo(1);

        assertThat(store.list(Resources.EVENTS, "shop").items()).extracting(StoredObject::object)
                .extracting(e -> e.getMetadata().getName())
                .containsExactly("old-but-repeating", "recent", "without-times");
        assertThat(EventExpiry.expire(store)).isZero();
    }

    private void event(String name, OffsetDateTime first, OffsetDateTime last) {
        store.create(Resources.EVENTS, new CoreV1Event().metadata(new V1ObjectMeta().namespace("shop").name(name))
                .involvedObject(new V1ObjectReference().kind("Pod").namespace("shop").name("web"))
                .reason("Unhealthy").message("probe failed").type("Warning").count(1)
                .firstTimestamp(first).lastTimestamp(last));
    }
}
