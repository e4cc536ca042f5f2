package dev.podscope.sandbox.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogQueryTest {

    @Test
    void readsEveryOption() {
        LogQuery query = LogQuery.parse(Map.of("container", "app", "follow", "true", "previous", "1",
                "timestamps", "True", "tailLines", "10", "sinceTime", "2026-11-25T10:00:00Z", "limitBytes", "500")::get,
                "web-0");
        assertThat(query).isEqualTo(new LogQuery("app", true, true, true, 10L, null,
                Instant.parse("2026-11-25T10:00:00Z"), 500L));
        assertThat(query.since(Instant.now())).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        assertThat(LogQuery.parse(Map.of("sinceSeconds", "60")::get, "web-0").since(now))
                .isEqualTo(Instant.parse("2026-11-25T11:59:00Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tailLines=-1   | 422 | PodLogOptions \"web-0\" is invalid: tailLines: Invalid value: -1: must be greater"
                    + " than or equal to 0",
            "limitBytes=0   | 422 | PodLogOptions \"web-0\" is invalid: limitBytes: Invalid value: 0: must be greater"
                    + " than 0",
            "sinceSeconds=0 | 422 | PodLogOptions \"web-0\" is invalid: sinceSeconds: Invalid value: 0: must be"
                    + " greater than 0",
            "follow=yes     | 400 | strconv.ParseBool: parsing \"yes\": invalid syntax",
            "tailLines=ten  | 400 | strconv.ParseInt: parsing \"ten\": invalid syntax"})
    void refusesWhatTheApiServerRefuses(String param, int code, String message) {
        String[] pair = param.split("=");
        assertThatThrownBy(() -> LogQuery.parse(Map.of(pair[0], pair[1])::get, "web-0"))
                .isInstanceOfSatisfying(LogRefusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(code);
                    assertThat(refusal.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void sinceTimeAndSinceSecondsExcludeEachOther() {
        assertThatThrownBy(() -> LogQuery.parse(Map.of("sinceSeconds", "5", "sinceTime", "2026-11-25T10:00:00Z")::get,
                "web-0")).hasMessage("PodLogOptions \"web-0\" is invalid: : Forbidden: at most one of `sinceTime` or"
                + " `sinceSeconds` may be specified");
    }

    @Test
    void theWriterStampsLinesAsTheKubeletDoesAndStopsAtTheByteLimit() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogWriter writer = new LogWriter(out, true, 74L);
        assertThat(writer.write(new LogLine(Instant.parse("2026-11-25T10:00:00.000123Z"), "first line"))).isTrue();
        assertThat(writer.write(new LogLine(Instant.parse("2026-11-25T10:00:01Z"), "second line"))).isFalse();
        assertThat(writer.write(new LogLine(Instant.parse("2026-11-25T10:00:02Z"), "third line"))).isFalse();
        writer.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "2026-11-25T10:00:00.000123000Z first line\n2026-11-25T10:00:01.000000000Z s");
    }
}
