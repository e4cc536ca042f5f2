package dev.podscope.logs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({"5m,300", "1h30m,5400", "90s,90", "1.5h,5400", "1500ms,2", "1499ms,1", "0,0", "2h3m4s,7384", ".5m,30"})
    void readsGoDurationsAndRoundsToSeconds(String text, long seconds) {
        assertThat(GoDuration.roundedSeconds(text)).isEqualTo(seconds);
    }

    @ParameterizedTest
    @CsvSource({"5", "m", "5x", "1h-2m", "''"})
    void rejectsWhatGoRejects(String text) {
        assertThatThrownBy(() -> GoDuration.parseNanos(text)).hasMessage("time: invalid duration \"" + text + "\"");
    }
}
