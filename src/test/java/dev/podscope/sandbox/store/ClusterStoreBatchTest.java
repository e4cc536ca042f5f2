package dev.podscope.sandbox.store;

import dev.podscope.format.WireJson;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ClusterStore#createAll}: a batch looks to readers and watchers exactly like creates one by one. */
class ClusterStoreBatchTest {
    private final ClusterStore store = new ClusterStore(Clock.systemUTC(), 1_000, 3);

    @Test
    void batchGetsConsecutiveRevisionsAndOneAddedEventEachInOrder() throws InterruptedException {
        long before = store.revision();
        StoreWatch watch = store.watch(Resources.PODS, null, before);
        List<NewObject<?>> batch = new ArrayList<>();
        batch.add(new NewObject<>(Resources.NAMESPACES, namespace("shop")));
        for (int i = 0; i < 200; i++) {
            batch.add(new NewObject<>(Resources.PODS, pod("shop", "pod-" + i)));
        }

        List<StoredObject<?>> stored = store.createAll(batch);

        assertThat(store.revision()).isEqualTo(before + 201);
        assertThat(stored).extracting(StoredObject::revision)
                .containsExactlyElementsOf(LongStream.rangeClosed(before + 1, before + 201).boxed().toList());
        for (int i = 0; i < 200; i++) {
            StoreEvent event = watch.next(Duration.ofSeconds(5));
            assertThat(event.type()).isEqualTo(StoreEvent.Type.ADDED);
            assertThat(event.name()).isEqualTo("pod-" + i);
            assertThat(event.revision()).isEqualTo(before + 2 + i);
            V1Pod pod = (V1Pod) event.object();
            assertThat(pod.getKind()).isEqualTo("Pod");
            assertThat(pod.getMetadata().getResourceVersion()).isEqualTo(Long.toString(event.revision()));
            assertThat(pod.getMetadata().getUid()).isNotNull();
            assertThat(pod.getMetadata().getCreationTimestamp()).isNotNull();
            assertThat(new String(event.json())).isEqualTo(WireJson.serialize(pod));
        }
        assertThat(store.get(Resources.PODS, "shop", "pod-199").orElseThrow().json())
                .isEqualTo(stored.getLast().json());
    }

    @Test
    void batchWithADuplicateCreatesNothing() {
        store.createAll(List.of(new NewObject<>(Resources.NAMESPACES, namespace("shop"))));
        store.create(Resources.PODS, pod("shop", "taken"));
        long before = store.revision();

        assertThatThrownBy(() -> store.createAll(List.of(new NewObject<>(Resources.PODS, pod("shop", "new")),
                new NewObject<>(Resources.PODS, pod("shop", "taken")))))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.code()).isEqualTo(409));
        assertThatThrownBy(() -> store.createAll(List.of(new NewObject<>(Resources.PODS, pod("shop", "twice")),
                new NewObject<>(Resources.PODS, pod("shop", "twice")))))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo("AlreadyExists"));

        assertThat(store.revision()).isEqualTo(before);
        assertThat(store.get(Resources.PODS, "shop", "new")).isEmpty();
        assertThat(store.get(Resources.PODS, "shop", "twice")).isEmpty();
    }

    @Test
    void namespaceMustComeBeforeTheObjectsInIt() {
        assertThatThrownBy(() -> store.createAll(List.of(new NewObject<>(Resources.PODS, pod("late", "p")),
                new NewObject<>(Resources.NAMESPACES, namespace("late")))))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.code()).isEqualTo(404));
        assertThat(store.get(Resources.NAMESPACES, null, "late")).isEmpty();
    }

    private static V1Namespace namespace(String name) {
        return new V1Namespace().metadata(new V1ObjectMeta().name(name));
    }

    private static V1Pod pod(String namespace, String name) {
        return new V1Pod().metadata(new V1ObjectMeta().namespace(namespace).name(name).labels(Map.of("app", name)))
                .spec(new V1PodSpec().containers(List.of(new V1Container().name("app").image("nginx:1.27"))));
    }
}
