package dev.podscope.bundle.redact;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HintScannerTest {
    private static final List<String> HINTS = List.of("password", "pwd", "token", "key", "://", "eyj", "private key-----",
            "-----begin ", "asia", "aiza", "secret", "credential");
    private final HintScanner scanner = HintScanner.of(HINTS);

    @Test
    void agreesWithLowerCaseContainsOnRandomAsciiText() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 :/-=_\"{}";
        int found = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(0, 120);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(4) == 0) {
                String hint = HINTS.get(random.nextInt(HINTS.size()));
                text.insert(random.nextInt(text.length() + 1), random.nextBoolean() ? hint : hint.toUpperCase(Locale.ROOT));
            }
            String lower = text.toString().toLowerCase(Locale.ROOT);
            boolean expected = HINTS.stream().anyMatch(lower::contains);
            byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
            assertThat(scanner.mayContain(text)).as(text.toString()).isEqualTo(expected);
            assertThat(scanner.mayContain(bytes, 0, bytes.length)).as(text.toString()).isEqualTo(expected);
            found += expected ? 1 : 0;
        }
        assertThat(found).as("both answers occur").isBetween(4_000, 16_000);
    }

    @Test
    void findsHintsThatOverlapOrEndTheText() {
        assertThat(scanner.mayContain("xx-----BEGIN RSA PRIVATE KEY-----")).isTrue();
        assertThat(scanner.mayContain("passpassword")).isTrue();
        assertThat(scanner.mayContain("tokeN")).isTrue();
        assertThat(scanner.mayContain("toke n pass word")).isFalse();
        byte[] line = "GET /cart?token=abc HTTP/1.1".getBytes(StandardCharsets.US_ASCII);
        assertThat(scanner.mayContain(line, 0, 14)).as("only the range counts").isFalse();
        assertThat(scanner.mayContain(line, 0, 15)).isTrue();
    }

    @Test
    void answersMaybeForAnyNonAsciiText() {
        // KELVIN SIGN lower-cases to an ASCII k: "\u212Aey".toLowerCase() contains "key"
        assertThat("\u212Aey".toLowerCase(Locale.ROOT)).contains("key");
        assertThat(scanner.mayContain("\u212Aey")).isTrue();
        byte[] utf8 = "caf\u00e9 ordered".getBytes(StandardCharsets.UTF_8);
        assertThat(scanner.mayContain(utf8, 0, utf8.length)).isTrue();
    }

    @Test
    void refusesHintsItCouldNotMatchReliably() {
        assertThatThrownBy(() -> HintScanner.of(List.of("Token"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HintScanner.of(List.of(""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HintScanner.of(List.of("cl\u00e9"))).isInstanceOf(IllegalArgumentException.class);
    }
}
