package dev.podscope.format;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantitiesTest {

    @ParameterizedTest(name = "{0} = {1} nanocores, kubectl top prints {2}")
    @CsvSource({
            "12345678n, 12345678, 13m",
            "12m, 12000000, 12m",
            "250m, 250000000, 250m",
            "1, 1000000000, 1000m",
            "1.5, 1500000000, 1500m",
            "2500u, 2500000, 3m",
            "0, 0, 0m",
            "1n, 1, 1m",
            "1e-3, 1000000, 1m",
            "0.0000000005, 1, 1m",
    })
    void cpu(String quantity, long nanoCores, String top) {
        assertThat(Quantities.nanoCores(quantity)).isEqualTo(nanoCores);
        assertThat(Quantities.cpu(nanoCores)).isEqualTo(top);
    }

    @ParameterizedTest(name = "{0} = {1} bytes, kubectl top prints {2}")
    @CsvSource({
            "34567Ki, 35396608, 33Mi",
            "34Mi, 35651584, 34Mi",
            "2Gi, 2147483648, 2048Mi",
            "1048575, 1048575, 0Mi",
            "128M, 128000000, 122Mi",
            "1k, 1000, 0Mi",
            "1.5Gi, 1610612736, 1536Mi",
            "1e6, 1000000, 0Mi",
            "100m, 1, 0Mi",
    })
    void memory(String quantity, long bytes, String top) {
        assertThat(Quantities.bytes(quantity)).isEqualTo(bytes);
        assertThat(Quantities.memory(bytes)).isEqualTo(top);
    }

    @ParameterizedTest
    @CsvSource({"12 cores", "Mi", "-", "1Xi"})
    void notAQuantity(String text) {
        assertThatThrownBy(() -> Quantities.bytes(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }
}
