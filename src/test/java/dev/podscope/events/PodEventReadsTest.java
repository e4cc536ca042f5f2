package dev.podscope.events;

import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.sim.PodRef;
import dev.podscope.sandbox.sim.Scenario;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a pod's events and following a namespace's events from the running sandbox, through the real client. */
class PodEventReadsTest {
    private static Sandbox sandbox;
    private static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(0, new SimulatorOptions().withSeed(5).withPods(50).withTimeScale(0.05)
                .withChurn(false));
        client = Config.fromConfig(new StringReader(sandbox.kubeconfigYaml()));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aPodsEventsAreExactlyThoseAboutItSortedByLastTimestamp() throws Exception {
        PodRef ref = sandbox.simulator().scenarioPod(Scenario.IMAGE_PULL_BACKOFF);
        V1Pod pod = new CoreV1Api(client).readNamespacedPod(ref.name(), ref.namespace()).execute();
        List<String> stored = sandbox.store().list(Resources.EVENTS, ref.namespace()).items().stream()
                .map(StoredObject::object).filter(e -> pod.getMetadata().getUid().equals(e.getInvolvedObject().getUid()))
                .map(e -> e.getMetadata().getName()).toList();

        List<CoreV1Event> events = new PodEventReads(client).podEvents(pod);

        assertThat(events).extracting(e -> e.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(events).isSortedAccordingTo(EventOrder.BY_LAST_TIMESTAMP)
                .extracting(CoreV1Event::getReason).contains("Pulling", "Failed", "BackOff");
    }

    @Test
    void theSelectorIsKubectlDescribes() {
        assertThat(PodEventReads.selector("shop", "web-1", "u-1"))
                .isEqualTo("involvedObject.name=web-1,involvedObject.namespace=shop,involvedObject.uid=u-1");
        assertThat(PodEventReads.selector("shop", "web-1", null))
                .isEqualTo("involvedObject.name=web-1,involvedObject.namespace=shop");
    }

    @Test
    void aNamespaceWatchListsThenDeliversNewEventsUntilClosed() throws Exception {
        PodRef crash = sandbox.simulator().scenarioPod(Scenario.CRASH_LOOP);
        Recorder recorder = new Recorder();
        EventWatch watch = new PodEventReads(client).watch(crash.namespace(), null, recorder);
        try {
            List<CoreV1Event> first = recorder.lists.poll(30, TimeUnit.SECONDS);
            assertThat(first).isNotEmpty().allSatisfy(e -> assertThat(e.getMetadata().getNamespace())
                    .isEqualTo(crash.namespace()));
            CoreV1Event backOff = null;
            while (backOff == null) {
                CoreV1Event e = recorder.changes.poll(30, TimeUnit.SECONDS);
                assertThat(e).as("a change before giving up").isNotNull();
                if ("BackOff".equals(e.getReason()) && crash.name().equals(e.getInvolvedObject().getName())) {
                    backOff = e;
                }
            }
            assertThat(backOff.getType()).isEqualTo("Warning");
        } finally {
            watch.close();
        }
        assertThat(recorder.errors).isEmpty();
    }

    @Test
    void aWatchWithAPodsSelectorListsAndDeliversOnlyThatPodsEvents() throws Exception {
        PodRef crash = sandbox.simulator().scenarioPod(Scenario.CRASH_LOOP);
        V1Pod pod = new CoreV1Api(client).readNamespacedPod(crash.name(), crash.namespace()).execute();
        Recorder recorder = new Recorder();
        EventWatch watch = new PodEventReads(client).watch(crash.namespace(), PodEventReads.selector(pod), recorder);
        try {
            List<CoreV1Event> first = recorder.lists.poll(30, TimeUnit.SECONDS);
            assertThat(first).isNotEmpty().allSatisfy(e -> assertThat(e.getInvolvedObject().getUid())
                    .isEqualTo(pod.getMetadata().getUid()));
            CoreV1Event backOff = null;
            while (backOff == null) {
                CoreV1Event e = recorder.changes.poll(30, TimeUnit.SECONDS);
                assertThat(e).as("a change before giving up").isNotNull();
                assertThat(e.getInvolvedObject().getName()).isEqualTo(crash.name());
                if ("BackOff".equals(e.getReason())) {
                    backOff = e;
                }
            }
        } finally {
            watch.close();
        }
        assertThat(recorder.errors).isEmpty();
    }

    /** Queues what a watch delivers, for the test thread to poll. */
    private static final class Recorder implements EventListener {
        final BlockingQueue<List<CoreV1Event>> lists = new LinkedBlockingQueue<>();
        final BlockingQueue<CoreV1Event> changes = new LinkedBlockingQueue<>();
        final BlockingQueue<String> errors = new LinkedBlockingQueue<>();

        @Override
        public void onList(List<CoreV1Event> events) {
            lists.add(events);
        }

        @Override
        public void onChange(String type, CoreV1Event event) {
            changes.add(event);
        }

        @Override
        public void onError(String message) {
            errors.add(message);
        }
    }
}
