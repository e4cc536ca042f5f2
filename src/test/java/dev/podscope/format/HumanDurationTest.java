package dev.podscope.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Ported from apimachinery util/duration/duration_test.go and printers_test.go TestTranslateTimestampSince. */
class HumanDurationTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration YEAR = DAY.multipliedBy(365);
    private static final Duration MILLI = Duration.ofMillis(1);

    static Stream<Arguments> humanDuration() {
        return Stream.of(
                Arguments.of(SECOND, "1s"),
                Arguments.of(SECOND.multipliedBy(70), "70s"),
                Arguments.of(SECOND.multipliedBy(190), "3m10s"),
                Arguments.of(MINUTE.multipliedBy(70), "70m"),
                Arguments.of(HOUR.multipliedBy(47), "47h"),
                Arguments.of(HOUR.multipliedBy(49), "2d1h"),
                Arguments.of(HOUR.multipliedBy(8 * 24 + 2), "8d"),
                Arguments.of(HOUR.multipliedBy(367 * 24), "367d"),
                Arguments.of(HOUR.multipliedBy(365 * 2 * 24 + 25), "2y1d"),
                Arguments.of(HOUR.multipliedBy(365 * 8 * 24 + 2), "8y"));
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                Arguments.of(SECOND.multipliedBy(-2), "<invalid>"),
                Arguments.of(SECOND.multipliedBy(-2).plusNanos(1), "0s"),
                Arguments.of(Duration.ZERO, "0s"),
                Arguments.of(SECOND.minus(MILLI), "0s"),
                Arguments.of(MINUTE.multipliedBy(2).minus(MILLI), "119s"),
                Arguments.of(MINUTE.multipliedBy(2), "2m"),
                Arguments.of(MINUTE.multipliedBy(2).plus(SECOND), "2m1s"),
                Arguments.of(MINUTE.multipliedBy(10).minus(MILLI), "9m59s"),
                Arguments.of(MINUTE.multipliedBy(10), "10m"),
                Arguments.of(MINUTE.multipliedBy(10).plus(SECOND), "10m"),
                Arguments.of(HOUR.multipliedBy(3).minus(MILLI), "179m"),
                Arguments.of(HOUR.multipliedBy(3), "3h"),
                Arguments.of(HOUR.multipliedBy(3).plus(MINUTE), "3h1m"),
                Arguments.of(HOUR.multipliedBy(8).minus(MILLI), "7h59m"),
                Arguments.of(HOUR.multipliedBy(8), "8h"),
                Arguments.of(HOUR.multipliedBy(8).plus(MINUTE.multipliedBy(59)), "8h"),
                Arguments.of(DAY.multipliedBy(2).minus(MILLI), "47h"),
                Arguments.of(DAY.multipliedBy(2), "2d"),
                Arguments.of(DAY.multipliedBy(2).plus(HOUR), "2d1h"),
                Arguments.of(DAY.multipliedBy(8).minus(MILLI), "7d23h"),
                Arguments.of(DAY.multipliedBy(8), "8d"),
                Arguments.of(DAY.multipliedBy(8).plus(HOUR.multipliedBy(23)), "8d"),
                Arguments.of(YEAR.multipliedBy(2).minus(MILLI), "729d"),
                Arguments.of(YEAR.multipliedBy(2), "2y"),
                Arguments.of(YEAR.multipliedBy(2).plus(HOUR.multipliedBy(23)), "2y"),
                Arguments.of(YEAR.multipliedBy(2).plus(HOUR.multipliedBy(23)).plus(MINUTE.multipliedBy(59)), "2y"),
                Arguments.of(YEAR.multipliedBy(2).plus(DAY).minus(MILLI), "2y"),
                Arguments.of(YEAR.multipliedBy(2).plus(DAY), "2y1d"),
                Arguments.of(YEAR.multipliedBy(3), "3y"),
                Arguments.of(YEAR.multipliedBy(4), "4y"),
                Arguments.of(YEAR.multipliedBy(5), "5y"),
                Arguments.of(YEAR.multipliedBy(6), "6y"),
                Arguments.of(YEAR.multipliedBy(7), "7y"),
                Arguments.of(YEAR.multipliedBy(8).minus(MILLI), "7y364d"),
                Arguments.of(YEAR.multipliedBy(8), "8y"),
                Arguments.of(YEAR.multipliedBy(8).plus(DAY.multipliedBy(364)), "8y"),
                Arguments.of(YEAR.multipliedBy(9), "9y"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource({"humanDuration", "boundaries"})
    void formatsLikeApimachinery(Duration duration, String expected) {
        assertThat(HumanDuration.format(duration)).isEqualTo(expected);
    }

    static Stream<Arguments> sinceTimestamps() {
        Instant now = Instant.parse("2025-03-01T12:00:00Z");
        return Stream.of(
                Arguments.of("a while from now", at(now.plusMillis(2100)), now, "<invalid>"),
                Arguments.of("almost now", at(now.plusMillis(1900)), now, "0s"),
                Arguments.of("now", at(now), now, "0s"),
                Arguments.of("unknown", null, now, "<unknown>"),
                Arguments.of("30 seconds ago", at(now.minusSeconds(30)), now, "30s"),
                Arguments.of("5 minutes ago", at(now.minusSeconds(300)), now, "5m"),
                Arguments.of("an hour ago", at(now.minusSeconds(6000)), now, "100m"),
                Arguments.of("2 days ago", at(now).minusDays(2), now, "2d"),
                Arguments.of("months ago", at(now).minusDays(90), now, "90d"),
                Arguments.of("10 years ago", at(now.minus(YEAR.multipliedBy(10))), now, "10y"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sinceTimestamps")
    void translatesTimestampsSince(String name, OffsetDateTime timestamp, Instant now, String expected) {
        assertThat(HumanDuration.since(timestamp, now)).isEqualTo(expected);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
