package dev.podscope.bundle.redact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in rules, line by line and on objects, with the report they leave. */
class RedactorTest {
    private final RedactionReport report = new RedactionReport();
    private final Redactor redactor = new Redactor(List.of(), report);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "connecting to postgres://cart:s3cr3t@db:5432/cart | connecting to postgres://cart:***HIDDEN***@db:5432/cart | url-credentials",
            "Authorization: Bearer abc.def-ghi                  | Authorization: Bearer ***HIDDEN***                    | bearer-token",
            "header=Bearer abcdefghijk                          | header=Bearer ***HIDDEN***                            | bearer-token",
            "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln     | token ***HIDDEN***                                   | jwt",
            "key id AKIAABCDEFGHIJKLMNOP used                   | key id ***HIDDEN*** used                             | cloud-access-key",
            "maps key AIzaSyA1234567890abcdefghijklmnopqrstuv   | maps key ***HIDDEN***                                | cloud-access-key",
            "Server=sql;User Id=sa;Password=hunter2;            | Server=sql;User Id=sa;Password=***HIDDEN***;          | connection-string-password",
            "dsn host=db user=app password=hunter2 dbname=x     | dsn host=db user=app password=***HIDDEN*** dbname=x   | connection-string-password",
            "{\"api_key\":\"k-123456\",\"status\":200}           | {\"api_key\":\"***HIDDEN***\",\"status\":200}        | sensitive-assignment",
            "-----BEGIN RSA PRIVATE KEY-----\\nMIIE\\n-----END RSA PRIVATE KEY----- | -----BEGIN RSA PRIVATE KEY-----***HIDDEN***-----END RSA PRIVATE KEY----- | pem-private-key"})
    void masksSecretsInText(String line, String expected, String rule) {
        assertThat(redactor.line(line, "logs/a/b/c.log", redactor.rulesFor("logs/a/b/c.log"))).isEqualTo(expected);
        assertThat(report.rules()).extracting(RedactionReport.RuleCount::rule).contains(rule);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET /v1/cart/123 200 12ms",
            "author=jane keyboard=us monkey=george",
            "https://example.com/path?q=1",
            "processed batch 42 of 500"})
    void leavesOrdinaryTextAlone(String line) {
        assertThat(redactor.line(line, "logs/x.log", redactor.rulesFor("logs/x.log"))).isEqualTo(line);
        assertThat(report.total()).isZero();
    }

    @Test
    void privateKeysOverSeveralLogLinesAreMaskedToTheirEnd() {
        LogRedaction log = new LogRedaction(redactor, "logs/ns/p/c.log");
        assertThat(List.of("before", "-----BEGIN EC PRIVATE KEY-----", "MHcCAQEEI", "AwEHoUQDQg", "-----END EC PRIVATE KEY-----", "after")
                .stream().map(log::line).toList()).containsExactly("before", "-----BEGIN EC PRIVATE KEY-----***HIDDEN***",
                "***HIDDEN***", "***HIDDEN***", "-----END EC PRIVATE KEY-----", "after");
    }

    @Test
    void envValuesWithSensitiveNamesAreMaskedWhileReferencesStay() throws Exception {
        ObjectNode pod = (ObjectNode) new ObjectMapper().readTree("""
                {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":
                  "{\\"spec\\":{\\"containers\\":[{\\"env\\":[{\\"name\\":\\"DB_PASSWORD\\",\\"value\\":\\"pw-in-annotation\\"}]}]}}"}},
                 "spec":{"containers":[{"name":"app","env":[
                   {"name":"DB_PASSWORD","value":"hunter2"},
                   {"name":"REGION","value":"eu-west-1"},
                   {"name":"API_TOKEN","valueFrom":{"secretKeyRef":{"name":"s","key":"token"}}}]}]}}""");
        redactor.object(pod, "namespaces/shop/pods.json");
        String json = pod.toString();
        assertThat(json).doesNotContain("hunter2", "pw-in-annotation")
                .contains("\"REGION\",\"value\":\"eu-west-1\"", "\"secretKeyRef\":{\"name\":\"s\",\"key\":\"token\"}");
        assertThat(report.rules()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(Redactor.SENSITIVE_ENV);
            assertThat(r.count()).isEqualTo(2);
            assertThat(r.files()).containsEntry("namespaces/shop/pods.json", 2);
        });
    }

    @Test
    void userRulesFileErrorsSayWhatIsWrong(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "rules:\n  - regex: \"([a-z\"\n");
        assertThatThrownBy(() -> UserRules.load(bad)).hasMessageContaining("rule 1 has an invalid regex");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "other: 1\n");
        assertThatThrownBy(() -> UserRules.load(empty)).hasMessageContaining("expected a top-level list `rules:`");
        assertThatThrownBy(() -> UserRules.load(dir.resolve("none.yaml"))).hasMessageContaining("not found");
    }
}
