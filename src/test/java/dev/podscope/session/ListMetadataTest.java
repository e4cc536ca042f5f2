package dev.podscope.session;

import io.kubernetes.client.openapi.models.V1ListMeta;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ListMetadataTest {
    @Test
    void readsVersionAndContinueWhereverTheServerPutsThem() throws IOException {
        V1ListMeta first = read("{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"42\",\"continue\":\"abc\","
                + "\"remainingItemCount\":3},\"items\":[{\"metadata\":{\"name\":\"p\"}}]}");
        V1ListMeta last = read("{\"items\":[{\"metadata\":{\"resourceVersion\":\"7\"}}],\"apiVersion\":\"v1\","
                + "\"metadata\":{\"resourceVersion\":\"43\"}}");

        assertThat(first.getResourceVersion()).isEqualTo("42");
        assertThat(first.getContinue()).isEqualTo("abc");
        assertThat(last.getResourceVersion()).isEqualTo("43");
        assertThat(last.getContinue()).isNull();
    }

    @Test
    void aListWithoutMetadataHasNone() throws IOException {
        V1ListMeta meta = read("{\"kind\":\"PodList\",\"metadata\":null,\"items\":[]}");
        assertThat(meta.getResourceVersion()).isNull();
    }

    private static V1ListMeta read(String json) throws IOException {
        return ListMetadata.read(json.getBytes(StandardCharsets.UTF_8));
    }
}
