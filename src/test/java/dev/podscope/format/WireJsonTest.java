package dev.podscope.format;

import dev.podscope.sandbox.sim.ClusterSimulator;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import dev.podscope.sandbox.sim.SimulatorOptions;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Volume;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WireJsonTest {
    @Test
    void writesTimesAsTheApiServerDoes() {
        OffsetDateTime seconds = OffsetDateTime.of(2024, 3, 1, 12, 30, 5, 0, ZoneOffset.ofHours(2));
        assertThat(WireJson.serialize(new V1ObjectMeta().creationTimestamp(seconds)))
                .isEqualTo("{\"creationTimestamp\":\"2024-03-01T10:30:05Z\"}");
        assertThat(WireJson.serialize(new V1ObjectMeta().creationTimestamp(seconds.withNano(123_456_000))))
                .isEqualTo("{\"creationTimestamp\":\"2024-03-01T10:30:05.123456Z\"}");
        V1ObjectMeta read = WireJson.gson().fromJson("{\"creationTimestamp\":\"2024-03-01T10:30:05Z\"}",
                V1ObjectMeta.class);
        assertThat(read.getCreationTimestamp().toInstant()).isEqualTo(Instant.parse("2024-03-01T10:30:05Z"));
    }

    @Test
    void omitsEmptyListsAndMapsButKeepsEmptyStructs() {
        V1Pod pod = new V1Pod().metadata(new V1ObjectMeta().name("p"))
                .spec(new V1PodSpec().volumes(List.of(new V1Volume().name("scratch").emptyDir(new V1EmptyDirVolumeSource()))));
        assertThat(WireJson.serialize(pod))
                .isEqualTo("{\"metadata\":{\"name\":\"p\"},\"spec\":{\"volumes\":[{\"emptyDir\":{},\"name\":\"scratch\"}]}}");
    }

    @Test
    void writesWhatClientJavasOwnAdaptersWrite() {
        ClusterStore store = new ClusterStore(Clock.systemUTC(), 10_000, 1);
        ClusterSimulator.start(store, new SimulatorOptions().withTimeScale(10_000)).stop();
        for (ResourceType<?> type : Resources.all()) {
            for (StoredObject<?> stored : store.list(type, null).items()) {
                assertThat(new String(stored.json(), StandardCharsets.UTF_8))
                        .isEqualTo(WireJson.gson().toJson(stored.object()));
            }
        }
    }

    @Test
    void theStoreServesObjectsWithTheirApiVersionAndKind() {
        ClusterStore store = new ClusterStore(Clock.systemUTC(), 10, 1);
        store.create(Resources.NAMESPACES, new V1Namespace()
                .metadata(new V1ObjectMeta().name("shop")));
        StoredObject<V1Pod> stored = store.create(Resources.PODS,
                new V1Pod().metadata(new V1ObjectMeta().namespace("shop").name("p")));
        assertThat(new String(stored.json())).startsWith("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{");
        assertThat(stored.object().getKind()).isEqualTo("Pod");
    }
}
