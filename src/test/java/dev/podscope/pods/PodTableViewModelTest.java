package dev.podscope.pods;

import dev.podscope.session.ConnectionState;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PodTableViewModelTest {
    private final PodTableViewModel model = new PodTableViewModel(Clock.fixed(TestPods.NOW, ZoneOffset.UTC));

    @Test
    void aResetShowsAllPodsInKubectlOrder() {
        model.apply(reset(pod("shop", "web-2"), pod("default", "b"), pod("shop", "web-1")));

        assertThat(names()).containsExactly("default/b", "shop/web-1", "shop/web-2");
        assertThat(model.shownCountProperty().get()).isEqualTo(3);
    }

    @Test
    void aModifiedPodChangesItsRowInPlace() {
        model.apply(reset(pod("shop", "web-1"), pod("shop", "web-2")));
        PodRowViewModel row = model.rows().get(1);
        assertThat(row.printed().status()).isEqualTo("Running");

        model.apply(upsert(TestPods.waiting("shop", "web-2", "Running", "CrashLoopBackOff", 4, 600)));

        assertThat(model.rows().get(1)).isSameAs(row);
        assertThat(row.printed().status()).isEqualTo("CrashLoopBackOff");
        assertThat(row.printed().restarts()).isEqualTo("4");
    }

    @Test
    void addedAndDeletedPodsAppearAndDisappear() {
        model.apply(reset(pod("shop", "a"), pod("shop", "c")));
        model.apply(new PodBatch(null, Set.of(new PodKey("shop", "a")),
                Map.of(new PodKey("shop", "b"), printed(pod("shop", "b"))), null, null));

        assertThat(names()).containsExactly("shop/b", "shop/c");
    }

    @Test
    void filterBySubstringSelectorAndStatus() {
        model.apply(reset(
                TestPods.running("shop", "web-1", Map.of("app", "web", "tier", "frontend"), 0, 60),
                TestPods.running("shop", "db-0", Map.of("app", "db", "tier", "db"), 0, 60),
                TestPods.waiting("shop", "worker-1", "Running", "CrashLoopBackOff", 3, 60)));

        model.filterTextProperty().set("web");
        assertThat(names()).containsExactly("shop/web-1");

        model.filterTextProperty().set("tier!=db");
        assertThat(names()).containsExactly("shop/web-1", "shop/worker-1");

        model.filterTextProperty().set("status:CrashLoopBackOff");
        assertThat(names()).containsExactly("shop/worker-1");

        model.filterTextProperty().set("w app=web");
        assertThat(names()).containsExactly("shop/web-1");
    }

    @Test
    void anInvalidFilterExplainsItselfAndLeavesTheTableAlone() {
        model.apply(reset(TestPods.running("shop", "web-1", Map.of("app", "web"), 0, 60), pod("shop", "db-0")));
        model.filterTextProperty().set("app=web");

        model.filterTextProperty().set("app in (web");

        assertThat(model.filterErrorProperty().get()).startsWith("invalid label selector");
        assertThat(names()).containsExactly("shop/web-1");

        model.clearFilter();
        assertThat(model.filterErrorProperty().get()).isNull();
        assertThat(names()).hasSize(2);
    }

    @Test
    void aModifiedPodLeavesAStatusFilteredView() {
        model.apply(reset(pod("shop", "web-1"), pod("shop", "web-2")));
        model.filterTextProperty().set("status:Running");

        model.apply(upsert(TestPods.waiting("shop", "web-2", "Running", "CrashLoopBackOff", 1, 60)));

        assertThat(names()).containsExactly("shop/web-1");
    }

    @Test
    void namespaceSwitchFiltersAndRecounts() {
        model.apply(reset(pod("shop", "a"), pod("shop", "b"), TestPods.pending("db", "c", 5)));

        model.showNamespace("shop");

        assertThat(names()).containsExactly("shop/a", "shop/b");
        assertThat(model.countsProperty().get().phaseSummary()).isEqualTo("Running 2");
        model.showNamespace(null);
        assertThat(model.countsProperty().get().phaseSummary()).isEqualTo("Running 2 · Pending 1");
        assertThat(model.countsProperty().get().byNamespace()).isEqualTo(Map.of("shop", 2, "db", 1));
    }

    @Test
    void countsFollowPhaseChangesAndDeletions() {
        model.apply(reset(pod("shop", "a"), TestPods.pending("shop", "b", 5), TestPods.pending("db", "c", 5)));

        model.apply(upsert(pod("shop", "b")));
        assertThat(model.countsProperty().get().phaseSummary()).isEqualTo("Running 2 · Pending 1");

        model.apply(new PodBatch(null, Set.of(new PodKey("db", "c")), Map.of(), null, null));
        assertThat(model.countsProperty().get().phaseSummary()).isEqualTo("Running 2");
        assertThat(model.countsProperty().get().byNamespace()).isEqualTo(Map.of("shop", 2));
    }

    @Test
    void restartsSortNumerically() {
        model.apply(reset(TestPods.running("ns", "nine", Map.of(), 9, 60),
                TestPods.running("ns", "ten", Map.of(), 10, 60), TestPods.running("ns", "zero", Map.of(), 0, 60)));

        model.sortBy(PodColumn.RESTARTS.order());

        assertThat(names()).containsExactly("ns/zero", "ns/nine", "ns/ten");
    }

    @Test
    void ageSortsByCreationTimeYoungestFirst() {
        model.apply(reset(TestPods.running("ns", "hour", Map.of(), 0, 3600),
                TestPods.running("ns", "days", Map.of(), 0, 3 * 86400), TestPods.running("ns", "secs", Map.of(), 0, 30)));

        model.sortBy(PodColumn.AGE.order());
        assertThat(names()).containsExactly("ns/secs", "ns/hour", "ns/days");

        model.sortBy(PodColumn.AGE.order().reversed());
        assertThat(names()).containsExactly("ns/days", "ns/hour", "ns/secs");
    }

    @Test
    void readySortsByRatio() {
        V1Pod oneOfTwo = TestPods.running("ns", "half", Map.of(), 0, 60);
        oneOfTwo.getSpec().addContainersItem(new V1Container().name("side"));
        model.apply(reset(oneOfTwo, TestPods.pending("ns", "none", 60), TestPods.running("ns", "full", Map.of(), 0, 60)));

        model.sortBy(PodColumn.READY.order());

        assertThat(names()).containsExactly("ns/none", "ns/half", "ns/full");
        assertThat(model.rows().get(1).printed().ready()).isEqualTo("1/2");
    }

    @Test
    void aSortedRowMovesWhenItsKeyChanges() {
        model.apply(reset(TestPods.running("ns", "a", Map.of(), 1, 60), TestPods.running("ns", "b", Map.of(), 2, 60)));
        model.sortBy(PodColumn.RESTARTS.order());

        model.apply(upsert(TestPods.running("ns", "a", Map.of(), 5, 60)));

        assertThat(names()).containsExactly("ns/b", "ns/a");
    }

    @Test
    void neighboursChangingTogetherStayInOrder() {
        model.apply(reset(TestPods.pending("ns", "a", 60), TestPods.running("ns", "b", Map.of(), 0, 60),
                TestPods.running("ns", "c", Map.of(), 0, 60), TestPods.running("ns", "d", Map.of(), 0, 60)));
        model.sortBy(PodColumn.STATUS.order());
        assertThat(names()).containsExactly("ns/a", "ns/b", "ns/c", "ns/d");

        V1Pod b = TestPods.waiting("ns", "b", "Running", "CrashLoopBackOff", 1, 60);
        V1Pod c = TestPods.waiting("ns", "c", "Running", "CrashLoopBackOff", 1, 60);
        model.apply(new PodBatch(null, Set.of(), Map.of(PodKey.of(b), printed(b), PodKey.of(c), printed(c)), null, null));

        assertThat(model.rows()).extracting(r -> r.printed().status()).isSorted();
        assertThat(names()).containsExactly("ns/b", "ns/c", "ns/a", "ns/d");
    }

    @Test
    void connectionStateFollowsTheBatches() {
        assertThat(model.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTING);

        model.apply(new PodBatch(null, Set.of(), Map.of(), ConnectionState.RECONNECTING, "connection refused"));

        assertThat(model.connectionProperty().get()).isEqualTo(ConnectionState.RECONNECTING);
        assertThat(model.connectionMessageProperty().get()).isEqualTo("connection refused");
    }

    @Test
    void clearForgetsEverything() {
        model.apply(reset(pod("ns", "a")));
        model.apply(new PodBatch(null, Set.of(), Map.of(), ConnectionState.LIVE, null));

        model.clear();

        assertThat(model.rows()).isEmpty();
        assertThat(model.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(model.countsProperty().get().phaseSummary()).isEqualTo("No pods");
    }

    private List<String> names() {
        return model.rows().stream().map(r -> r.key().toString()).toList();
    }

    private static V1Pod pod(String namespace, String name) {
        return TestPods.running(namespace, name, Map.of(), 0, 60);
    }

    private static PodBatch reset(V1Pod... pods) {
        return new PodBatch(Stream.of(pods).map(PodTableViewModelTest::printed).toList(), Set.of(), Map.of(), null, null);
    }

    private static PodBatch upsert(V1Pod pod) {
        return new PodBatch(null, Set.of(), Map.of(PodKey.of(pod), printed(pod)), null, null);
    }

    private static PrintedPod printed(V1Pod pod) {
        return PrintedPod.of(pod, TestPods.NOW);
    }
}
