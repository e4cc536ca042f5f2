package dev.podscope.kube;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cases ported from apimachinery's labels/selector_test.go (TestSelectorParse, TestSelectorMatches, TestSetSelectorParser). */
class LabelSelectorTest {

    @ParameterizedTest(name = "{0} matches [{1}]: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                          | x=y             | true
            x=y                         | x=y             | true
            x=y,z=w                     | x=y;z=w         | true
            x!=y,z!=w                   | x=z;z=a         | true
            notin=in                    | notin=in        | true
            x                           | x=z             | true
            !x                          | y=z             | true
            x>1                         | x=2             | true
            x<1                         | x=0             | true
            x=z                         | ''              | false
            x=y                         | x=z             | false
            x=y,z=w                     | x=w;z=w         | false
            x!=y,z!=w                   | x=z;z=w         | false
            x                           | y=z             | false
            !x                          | x=z             | false
            x>1                         | x=0             | false
            x<1                         | x=2             | false
            z>1                         | z=v2            | false
            foo=bar,baz=blah            | foo=bar;baz=blah| true
            foo=bar,foobar=bar,baz=blah | foo=bar;baz=blah| false
            x in (foo),y notin (alpha)  | x=foo;y=baz     | true
            x in (foo),y in (alpha)     | x=foo;y=baz     | false
            x notin (),y                | y=              | true
            !x,y                        | y=              | true
            x notin (),!y               | y=              | false
            x in ()                     | y=baz           | false
            tier!=db                    | app=web         | true
            env notin (prod)            | app=web         | true
            env in (a, b)               | env=b           | true
            app == web                  | app=web         | true
            example.com/team=payments   | example.com/team=payments | true
            """)
    void matchesLikeKubernetes(String selector, String labels, boolean expected) throws LabelSelectorException {
        assertThat(LabelSelector.parse(selector).matches(labelSet(labels))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x=a,y=b,z=c", "x!=a,y=b", "x=", "x= ", "x=,z= ", "!x", "x>1", "x>1,z<5",
            "this-is-a-dns.domain.com/key-with-dash in (so,what)", "0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)",
            "x in (abc,)", "x notin (, a)", "a in (x,y,notin, z,in)", "a "})
    void acceptsValidSelectors(String selector) throws LabelSelectorException {
        LabelSelector.parse(selector);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x=a||y=b", "x==a==b", "!x=a", "x<a", "x nott in (y)", "a in (xyz),", "a in (xyz)b notin ()",
            "a in (xyz abc)", "a notin(", "a (", "(", ",x", "-bad=1", "x=-bad", "Bad_Prefix/x=1"})
    void rejectsInvalidSelectorsWithOneLineMessage(String selector) {
        assertThatThrownBy(() -> LabelSelector.parse(selector))
                .isInstanceOf(LabelSelectorException.class)
                .hasMessageStartingWith("invalid label selector \"" + selector.strip() + "\": ")
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            x in (abc,def),y notin (jkl),z | x in (abc,def),y notin (jkl),z
            x notin (abc,def),y!=jkl,!z    | x notin (abc,def),y!=jkl,!z
            x=abc,y==jkl,z!=a,z            | x=abc,y=jkl,z!=a,z
            x>2,y<8,z                      | x>2,y<8,z
            """)
    void printsBackInCanonicalForm(String selector, String printed) throws LabelSelectorException {
        assertThat(LabelSelector.parse(selector)).hasToString(printed);
    }

    private static Map<String, String> labelSet(String pairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (pairs == null || pairs.isEmpty()) {
            return labels;
        }
        for (String pair : pairs.split(";")) {
            int eq = pair.indexOf('=');
            labels.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return labels;
    }
}
