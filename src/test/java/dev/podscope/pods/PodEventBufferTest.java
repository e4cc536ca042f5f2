package dev.podscope.pods;

import dev.podscope.session.ConnectionState;
import dev.podscope.session.PodListener.ChangeType;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

class PodEventBufferTest {
    private final Queue<Runnable> uiQueue = new ArrayDeque<>();
    private final List<PodBatch> batches = new ArrayList<>();
    private final PodEventBuffer buffer = new PodEventBuffer(uiQueue::add, Clock.fixed(TestPods.NOW, ZoneOffset.UTC), batches::add);

    @Test
    void aBurstOfEventsIsDeliveredAsOneBatch() {
        for (int i = 0; i < 1000; i++) {
            buffer.changed(ChangeType.ADDED, pod("p" + i));
        }
        buffer.state(ConnectionState.LIVE, null);

        assertThat(uiQueue).hasSize(1);
        runUi();
        assertThat(batches).hasSize(1);
        assertThat(batches.getFirst().upserted()).hasSize(1000);
        assertThat(batches.getFirst().upserted().get(new PodKey("ns", "p7")).row().age()).isEqualTo("60s");
        assertThat(batches.getFirst().state()).isEqualTo(ConnectionState.LIVE);
    }

    @Test
    void changesToOnePodCoalesceToItsLastState() {
        buffer.changed(ChangeType.ADDED, pod("a"));
        buffer.changed(ChangeType.MODIFIED, pod("a").spec(null));
        buffer.changed(ChangeType.ADDED, pod("b"));
        buffer.changed(ChangeType.DELETED, pod("b"));
        runUi();

        PodBatch batch = batches.getFirst();
        assertThat(batch.upserted()).containsOnlyKeys(new PodKey("ns", "a"));
        assertThat(batch.upserted().get(new PodKey("ns", "a")).pod().getSpec()).isNull();
        assertThat(batch.deleted()).containsExactly(new PodKey("ns", "b"));
    }

    @Test
    void aResetDiscardsEarlierChangesButKeepsLaterOnes() {
        buffer.changed(ChangeType.ADDED, pod("old"));
        buffer.reset(List.of(pod("x"), pod("y")));
        buffer.changed(ChangeType.DELETED, pod("y"));
        runUi();

        PodBatch batch = batches.getFirst();
        assertThat(batch.reset()).extracting(p -> p.row().name()).containsExactly("x", "y");
        assertThat(batch.upserted()).isEmpty();
        assertThat(batch.deleted()).containsExactly(new PodKey("ns", "y"));
    }

    @Test
    void eventsAfterADrainScheduleTheNextDrain() {
        buffer.changed(ChangeType.ADDED, pod("a"));
        runUi();
        buffer.changed(ChangeType.ADDED, pod("b"));
        assertThat(uiQueue).hasSize(1);
        runUi();
        assertThat(batches).hasSize(2);
    }

    @Test
    void aClosedBufferDeliversNothing() {
        buffer.changed(ChangeType.ADDED, pod("a"));
        buffer.close();
        buffer.changed(ChangeType.ADDED, pod("b"));
        runUi();
        assertThat(batches).isEmpty();
    }

    private void runUi() {
        Runnable r;
        while ((r = uiQueue.poll()) != null) {
            r.run();
        }
    }

    private static V1Pod pod(String name) {
        return TestPods.running("ns", name, Map.of(), 0, 60);
    }
}
