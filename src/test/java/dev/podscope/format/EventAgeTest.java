package dev.podscope.format;

import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.CoreV1EventSeries;
import io.kubernetes.client.openapi.models.V1EventSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The Age and From columns of kubectl describe's Events, as in describe_test.go ("12m (x3 over 20m)"). */
class EventAgeTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static OffsetDateTime ago(long seconds) {
        return OffsetDateTime.ofInstant(NOW.minusSeconds(seconds), ZoneOffset.UTC);
    }

    @Test
    void aSingleEventShowsWhenItHappened() {
        CoreV1Event e = new CoreV1Event().count(1).firstTimestamp(ago(300)).lastTimestamp(ago(300));

        assertThat(EventAge.describe(e, NOW)).isEqualTo("5m");
        assertThat(EventAge.count(e)).isEqualTo(1);
    }

    @Test
    void aRepeatedEventShowsLastSeenCountAndFirstSeen() {
        CoreV1Event e = new CoreV1Event().count(3).firstTimestamp(ago(1200)).lastTimestamp(ago(720));

        assertThat(EventAge.describe(e, NOW)).isEqualTo("12m (x3 over 20m)");
        assertThat(EventAge.lastTime(e)).isEqualTo(NOW.minusSeconds(720));
    }

    @Test
    void aSeriesUsesEventTimeAndLastObservedTime() {
        CoreV1Event e = new CoreV1Event().eventTime(ago(1800))
                .series(new CoreV1EventSeries().count(4).lastObservedTime(ago(120)));

        assertThat(EventAge.describe(e, NOW)).isEqualTo("2m (x4 over 30m)");
        assertThat(EventAge.count(e)).isEqualTo(4);
    }

    @Test
    void withoutTimestampsTheAgeIsUnknown() {
        assertThat(EventAge.describe(new CoreV1Event(), NOW)).isEqualTo("<unknown>");
    }

    @Test
    void fromIsTheSourceComponentElseTheReportingController() {
        assertThat(EventAge.from(new CoreV1Event().source(new V1EventSource().component("kubelet").host("n1"))
                .reportingComponent("other"))).isEqualTo("kubelet");
        assertThat(EventAge.from(new CoreV1Event().reportingComponent("taint-eviction-controller")))
                .isEqualTo("taint-eviction-controller");
        assertThat(EventAge.message(new CoreV1Event().message("  Back-off \n"))).isEqualTo("Back-off");
        assertThat(EventAge.isWarning(new CoreV1Event().type("Warning"))).isTrue();
    }

    @Test
    void lastSeenIsKubectlGetEventsColumn() {
        CoreV1Event e = new CoreV1Event().count(3).firstTimestamp(ago(1200)).lastTimestamp(ago(45));

        assertThat(EventAge.lastSeen(e, NOW)).isEqualTo("45s");
    }
}
