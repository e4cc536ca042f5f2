package dev.podscope.pods;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PodFilterTest {
    private static final Map<String, String> WEB_LABELS = Map.of("app", "web", "tier", "frontend", "env", "prod");

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                               | true
            web                              | true
            WEB-7d                           | true
            db                               | false
            web 7d9f                         | true
            web db                           | false
            app=web                          | true
            app=web,tier!=db                 | true
            app=web, tier!=db                | true
            app = web                        | true
            app=db                           | false
            env in (a,prod)                  | true
            env in (a, b)                    | false
            env notin (prod)                 | false
            !canary                          | true
            !app                             | false
            -l app                           | true
            -l canary                        | false
            -l env in (prod, test)           | true
            status:Running                   | true
            STATUS:running                   | true
            status:CrashLoopBackOff          | false
            status:Pending,Running           | true
            web app=web status:Running       | true
            web app=web status:Failed        | false
            web tier=frontend -l env         | true
            """)
    void combinesNameSelectorAndStatus(String text, boolean expected) throws FilterSyntaxException {
        assertThat(PodFilter.parse(text).matches("web-7d9f-abcde", WEB_LABELS, "Running")).isEqualTo(expected);
    }

    @Test
    void statusMatchesWholeStatusNotPart() throws FilterSyntaxException {
        PodFilter filter = PodFilter.parse("status:Init");
        assertThat(filter.matches("p", Map.of(), "Init:0/1")).isFalse();
        assertThat(PodFilter.parse("status:Init:0/1").matches("p", Map.of(), "Init:0/1")).isTrue();
    }

    @Test
    void podsWithoutLabelsMatchNegativeRequirements() throws FilterSyntaxException {
        PodFilter filter = PodFilter.parse("tier!=db,env notin (prod),!canary");
        assertThat(filter.matches("p", null, "Running")).isTrue();
    }

    @Test
    void emptyFilterIsEmpty() throws FilterSyntaxException {
        assertThat(PodFilter.parse("   ").isEmpty()).isTrue();
        assertThat(PodFilter.all().isEmpty()).isTrue();
        assertThat(PodFilter.parse("web").isEmpty()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"app==web==x", "env in (a", "env in", "-l", "status:", "status:Running status:Failed", "!app=web", "web in (a b)"})
    void invalidTextGivesOneLineMessage(String text) {
        assertThatThrownBy(() -> PodFilter.parse(text))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessageNotContaining("\n");
    }
}
