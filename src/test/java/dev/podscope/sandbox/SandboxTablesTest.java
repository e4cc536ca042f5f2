package dev.podscope.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Server-side printing: the meta.k8s.io Tables kubectl asks for, checked field by field. */
class SandboxTablesTest {
    @TempDir
    Path tempDir;
    private ClusterStore store;
    private RunningSandbox sandbox;
    private RawHttp http;

    @BeforeEach
    void start() throws Exception {
        store = SandboxFixtures.emptyCluster(1000);
        store.create(Resources.PODS, SandboxFixtures.runningPod("shop", "web-0", "node-1", Map.of("app", "web")));
        V1Pod done = SandboxFixtures.runningPod("shop", "job-0", "node-2", Map.of());
        done.getStatus().setPhase("Succeeded");
        done.getStatus().getContainerStatuses().getFirst().ready(false).getState().running(null)
                .terminated(new V1ContainerStateTerminated().exitCode(0)
                        .reason("Completed"));
        store.create(Resources.PODS, done);
        sandbox = new RunningSandbox(store, tempDir);
        http = new RawHttp(sandbox.server());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void listsPodsAsATable() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/namespaces/shop/pods?limit=500", RawHttp.TABLE);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode table = RawHttp.json(response.body());
        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
        assertThat(table.path("metadata").path("resourceVersion").asText()).isEqualTo(Long.toString(store.revision()));
        assertThat(table.path("columnDefinitions")).extracting(c -> c.path("name").asText() + ":" + c.path("priority"))
                .containsExactly("Name:0", "Ready:0", "Status:0", "Restarts:0", "Age:0", "IP:1", "Node:1",
                        "Nominated Node:1", "Readiness Gates:1");

        JsonNode job = table.path("rows").get(0);
        assertThat(job.path("cells").get(0).asText()).isEqualTo("job-0");
        assertThat(job.path("cells").get(2).asText()).isEqualTo("Completed");
        assertThat(job.path("conditions").get(0).path("type").asText()).isEqualTo("Completed");
        JsonNode web = table.path("rows").get(1);
        assertThat(web.path("cells")).extracting(JsonNode::asText).startsWith("web-0", "1/1", "Running", "0");
        assertThat(web.has("conditions")).isFalse();
        assertThat(web.path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
        assertThat(web.path("object").path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
        assertThat(web.path("object").path("metadata").path("namespace").asText()).isEqualTo("shop");
        assertThat(web.path("object").has("spec")).isFalse();
    }

    @Test
    void includesWholeObjectsOrNoneOnRequest() throws Exception {
        JsonNode full = RawHttp.json(http.get("/api/v1/pods?includeObject=Object", RawHttp.TABLE).body());
        assertThat(full.path("rows").get(0).path("object").path("kind").asText()).isEqualTo("Pod");
        assertThat(full.path("rows").get(0).path("object").path("spec").path("nodeName").asText()).isEqualTo("node-2");

        JsonNode bare = RawHttp.json(http.get("/api/v1/pods?includeObject=None", RawHttp.TABLE).body());
        assertThat(bare.path("rows").get(0).has("object")).isFalse();

        assertThat(http.get("/api/v1/pods?includeObject=Everything", RawHttp.TABLE).statusCode()).isEqualTo(400);
    }

    @Test
    void answersV1beta1TablesAndPlainJsonOtherwise() throws Exception {
        String beta = "application/json;as=Table;v=v1beta1;g=meta.k8s.io";
        assertThat(RawHttp.json(http.get("/api/v1/nodes", beta).body()).path("apiVersion").asText())
                .isEqualTo("meta.k8s.io/v1beta1");
        JsonNode plain = RawHttp.json(http.get("/api/v1/nodes", "application/json").body());
        assertThat(plain.path("kind").asText()).isEqualTo("NodeList");
        assertThat(plain.path("apiVersion").asText()).isEqualTo("v1");
    }

    @Test
    void getsOneObjectAsATable() throws Exception {
        JsonNode table = RawHttp.json(http.get("/api/v1/namespaces/shop/pods/web-0", RawHttp.TABLE).body());
        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("columnDefinitions").size()).isEqualTo(9);
        assertThat(table.path("rows").size()).isEqualTo(1);
        assertThat(table.path("rows").get(0).path("cells").get(0).asText()).isEqualTo("web-0");
    }

    @Test
    void printsKindsWithoutAPrinterWithTheDefaultColumns() throws Exception {
        JsonNode table = RawHttp.json(http.get("/apis/apps/v1/namespaces/shop/deployments", RawHttp.TABLE).body());
        assertThat(table.path("columnDefinitions")).extracting(c -> c.path("name").asText())
                .containsExactly("Name", "Created At");
        assertThat(table.path("rows").size()).isZero();
    }

    @Test
    void watchSendsColumnDefinitionsOnlyWithTheFirstEvent() throws Exception {
        try (Stream<String> lines = http.lines("/api/v1/namespaces/shop/pods?watch=true&resourceVersion="
                + store.revision() + "&timeoutSeconds=20", RawHttp.TABLE)) {
            Iterator<String> events = lines.iterator();
            store.modify(Resources.PODS, "shop", "web-0", pod -> {
                pod.getMetadata().putLabelsItem("seen", "yes");
                return pod;
            });
            JsonNode first = RawHttp.json(events.next());
            assertThat(first.path("type").asText()).isEqualTo("MODIFIED");
            assertThat(first.path("object").path("kind").asText()).isEqualTo("Table");
            assertThat(first.path("object").path("columnDefinitions").size()).isEqualTo(9);
            assertThat(first.path("object").path("rows").get(0).path("cells").get(0).asText()).isEqualTo("web-0");

            store.delete(Resources.PODS, "shop", "web-0");
            JsonNode second = RawHttp.json(events.next());
            assertThat(second.path("type").asText()).isEqualTo("DELETED");
            assertThat(second.path("object").path("columnDefinitions").isNull()).isTrue();
            assertThat(second.path("object").path("rows").get(0).path("object").path("metadata").path("name").asText())
                    .isEqualTo("web-0");
        }
    }
}
