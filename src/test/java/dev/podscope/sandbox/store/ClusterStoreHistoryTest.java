package dev.podscope.sandbox.store;

import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How far back a watch can resume: the last {@code historyLimit} changes, and none older than five minutes. */
class ClusterStoreHistoryTest {
    private final SteppingClock clock = new SteppingClock();

    @Test
    void watchesResumeWithinTheWindowAndGetGoneBeyondIt() throws InterruptedException {
        ClusterStore store = new ClusterStore(clock, 1_000, 1);
        long start = store.revision();
        create(store, "first");
        clock.advance(Duration.ofMinutes(4));
        create(store, "second");
        try (StoreWatch watch = store.watch(Resources.NAMESPACES, null, start)) {
            assertThat(watch.next(Duration.ZERO).name()).isEqualTo("first");
            assertThat(watch.next(Duration.ZERO).name()).isEqualTo("second");
        }

        clock.advance(Duration.ofMinutes(2));
        create(store, "third");

        assertThatThrownBy(() -> store.watch(Resources.NAMESPACES, null, start))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.code()).isEqualTo(410));
        try (StoreWatch watch = store.watch(Resources.NAMESPACES, null, start + 1)) {
            assertThat(watch.next(Duration.ZERO).name()).isEqualTo("second");
            assertThat(watch.next(Duration.ZERO).name()).isEqualTo("third");
        }
    }

    @Test
    void historyKeepsAtMostItsLimit() {
        ClusterStore store = new ClusterStore(clock, 2, 1);
        long start = store.revision();
        create(store, "a");
        create(store, "b");
        create(store, "c");

        assertThatThrownBy(() -> store.watch(Resources.NAMESPACES, null, start))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo("Expired"));
        store.watch(Resources.NAMESPACES, null, start + 1).close();
    }

    private static void create(ClusterStore store, String name) {
        store.create(Resources.NAMESPACES, new V1Namespace().metadata(new V1ObjectMeta().name(name)));
    }

    private static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
