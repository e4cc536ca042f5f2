package dev.podscope.kube;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelSelectorServerCasesTest {
    private static final Map<String, String> LABELS = Map.of("app", "web", "tier", "front", "replicas", "3");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                          | true",
            "app=web                     | true",
            "app==web                    | true",
            "app=db                      | false",
            "app!=db                     | true",
            "app!=web                    | false",
            "missing!=x                  | true",
            "app in (web, db)            | true",
            "app in (db)                 | false",
            "app notin (db,cache)        | true",
            "missing notin (db)          | true",
            "app                         | true",
            "missing                     | false",
            "!missing                    | true",
            "!app                        | false",
            "app=web,tier=front          | true",
            "app=web, tier=back          | false",
            "app in (web,db),tier        | true",
            "replicas>2                  | true",
            "replicas<3                  | false",
            "example.com/role=x          | false",
    })
    void matchesLikeApimachinery(String selector, boolean matches) {
        assertThat(LabelSelector.parse(selector).matches(LABELS)).isEqualTo(matches);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=x", "a b=c", "app in (web", "replicas>many", "-bad=1"})
    void rejectsMalformedSelectors(String selector) {
        assertThatThrownBy(() -> LabelSelector.parse(selector).matches(LABELS))
                .isInstanceOf(LabelSelectorException.class)
                .hasMessageStartingWith("invalid label selector \"" + selector + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void blankSelectsEverything(String selector) {
        assertThat(LabelSelector.parse(selector).isEmpty()).isTrue();
        assertThat(LabelSelector.parse(selector).matches(null)).isTrue();
    }
}
