package dev.podscope.format;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.time.DateTimeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Rfc3339Test {
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T09:29:26Z", "2026-11-25T09:29:26.5Z", "2026-11-25T09:29:26.123456Z",
            "2026-11-25T09:29:26.123456789Z", "2026-02-28T23:59:59+05:30", "2026-11-25T09:29:26.25-02:00",
            "1970-01-01T00:00:00Z", "2026-11-25T09:29:26z"})
    void readsWhatTheJdkReads(String text) {
        assertThat(Rfc3339.parse(text)).isEqualTo(OffsetDateTime.parse(text.replace('z', 'Z')));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25 09:29:26Z", "2026-13-25T09:29:26Z", "2026-11-25T09:29:26", "yesterday",
            "2026-11-2xT09:29:26Z"})
    void rejectsWhatIsNotATimestamp(String text) {
        assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(DateTimeException.class);
    }
}
