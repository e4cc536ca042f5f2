package dev.podscope.sandbox;

import dev.podscope.testing.Eventually;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.podscope.sandbox.sim.PodRef;
import dev.podscope.sandbox.sim.Scenario;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.EventsV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.EventsV1Event;
import io.kubernetes.client.openapi.models.EventsV1EventList;
import io.kubernetes.client.util.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events of the running simulator through both APIs: core/v1 (with count and first/last timestamps, selected by
 * involvedObject fields, watched by {@code kubectl get events -w}) and the same Events as events.k8s.io/v1.
 */
class SandboxEventsTest {
    @TempDir
    static Path dir;
    private static Sandbox sandbox;
    private static Kubectl kubectl;
    private static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(0, new SimulatorOptions().withSeed(3).withPods(50).withTimeScale(0.05)
                .withChurn(false));
        kubectl = new Kubectl(sandbox.writeKubeconfig(dir.resolve("kubeconfig")), dir.resolve("home"));
        client = Config.fromConfig(new StringReader(sandbox.kubeconfigYaml()));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void discoveryListsEventsK8sIo() throws Exception {
        Kubectl.Result resources = kubectl.run("api-resources", "--api-group=events.k8s.io", "--no-headers");

        assertThat(resources.exitCode()).as(resources.err()).isZero();
        assertThat(resources.out().split("\\s+")).containsExactly("events", "ev", "events.k8s.io/v1", "true", "Event");
    }

    @Test
    void theSameEventsInBothApisWithTheNewFieldNames() throws Exception {
        PodRef pull = sandbox.simulator().scenarioPod(Scenario.IMAGE_PULL_BACKOFF);
        List<CoreV1Event> core = sandbox.store().list(Resources.EVENTS, pull.namespace()).items().stream()
                .map(StoredObject::object).filter(e -> pull.name().equals(e.getInvolvedObject().getName())).toList();

        EventsV1EventList list = new EventsV1Api(client).listNamespacedEvent(pull.namespace())
                .fieldSelector("regarding.name=" + pull.name()).execute();

        assertThat(list.getItems()).extracting(e -> e.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(core.stream().map(e -> e.getMetadata().getName()).toList());
        EventsV1Event failed = list.getItems().stream().filter(e -> e.getNote().startsWith("Failed to pull image"))
                .findFirst().orElseThrow();
        CoreV1Event same = core.stream().filter(e -> e.getMetadata().getName().equals(failed.getMetadata().getName()))
                .findFirst().orElseThrow();
        assertThat(failed.getApiVersion()).isEqualTo("events.k8s.io/v1");
        assertThat(failed.getRegarding().getUid()).isEqualTo(same.getInvolvedObject().getUid());
        assertThat(failed.getReportingController()).isEqualTo("kubelet");
        assertThat(failed.getDeprecatedCount()).isEqualTo(same.getCount()).isGreaterThan(1);
        assertThat(failed.getDeprecatedFirstTimestamp()).isEqualTo(same.getFirstTimestamp());
        assertThat(failed.getDeprecatedLastTimestamp()).isEqualTo(same.getLastTimestamp());
        assertThat(failed.getDeprecatedSource().getComponent()).isEqualTo("kubelet");
    }

    @Test
    void kubectlReadsEventsK8sIo() throws Exception {
        Kubectl.Result json = kubectl.run("get", "events.v1.events.k8s.io", "-n", "shop", "-o", "json");
        Kubectl.Result table = kubectl.run("get", "events.v1.events.k8s.io", "-n", "shop");

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonObject list = JsonParser.parseString(json.out()).getAsJsonObject();
        JsonArray items = list.getAsJsonArray("items");
        assertThat(items).isNotEmpty();
        assertThat(items.get(0).getAsJsonObject().get("apiVersion").getAsString()).isEqualTo("events.k8s.io/v1");
        assertThat(items.get(0).getAsJsonObject().has("note")).isTrue();
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).startsWith("LAST SEEN").contains("Warning", "BackOff");
    }

    @Test
    void writesToEventsK8sIoAreRefused() throws Exception {
        Kubectl.Result result = kubectl.run("delete", "events.v1.events.k8s.io", "--all", "-n", "shop");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("MethodNotAllowed");
    }

    @Test
    void kubectlWatchesEventsAsTheyHappen() throws Exception {
        PodRef crash = sandbox.simulator().scenarioPod(Scenario.CRASH_LOOP);
        Process watch = kubectl.start("get", "events", "-n", crash.namespace(), "-w",
                "--field-selector", "involvedObject.name=" + crash.name());
        try {
            BlockingQueue<String> lines = Kubectl.lines(watch);
            String header = Eventually.line(lines, line -> line.startsWith("LAST SEEN"));
            assertThat(header).contains("TYPE", "REASON", "OBJECT", "MESSAGE");
            // the crash loop goes on: each exit is a BackOff, repeated in the same Event with a higher count
            Eventually.line(lines, line -> line.contains("BackOff") && line.contains("pod/" + crash.name()));
        } finally {
            watch.destroy();
            watch.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
