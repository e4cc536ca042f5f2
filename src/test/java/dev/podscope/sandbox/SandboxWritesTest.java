package dev.podscope.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST, PUT, PATCH and DELETE with the API server's semantics, over HTTPS. */
class SandboxWritesTest {
    private static final String PODS = "/api/v1/namespaces/shop/pods";
    private static final String NEW_POD = """
            {"apiVersion":"v1","kind":"Pod","metadata":{%s},
             "spec":{"containers":[{"name":"main","image":"busybox","resources":{"limits":{"cpu":"1","memory":"64Mi"}}},
                                   {"name":"side","image":"envoy:1.30"}]}}""";

    @TempDir
    Path tempDir;
    private ClusterStore store;
    private RunningSandbox sandbox;
    private RawHttp http;

    @BeforeEach
    void start() throws Exception {
        store = SandboxFixtures.emptyCluster(1000);
        store.create(Resources.PODS, SandboxFixtures.runningPod("shop", "web-0", "node-1", Map.of("app", "web")));
        sandbox = new RunningSandbox(store, tempDir);
        http = new RawHttp(sandbox.server());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void createsAPodWithServerDefaults() throws Exception {
        HttpResponse<String> response = post(PODS, NEW_POD.formatted("\"generateName\":\"batch-\""));
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode pod = RawHttp.json(response.body());
        String name = pod.path("metadata").path("name").asText();
        assertThat(name).matches("batch-[a-z0-9]{5}");
        assertThat(pod.path("metadata").path("uid").asText()).isNotEmpty();
        assertThat(pod.path("status").path("phase").asText()).isEqualTo("Pending");
        assertThat(pod.path("status").path("qosClass").asText()).isEqualTo("Burstable");
        assertThat(pod.path("spec").path("schedulerName").asText()).isEqualTo("default-scheduler");
        assertThat(pod.path("spec").path("containers")).extracting(c -> c.path("imagePullPolicy").asText())
                .containsExactly("Always", "IfNotPresent");
        assertThat(store.get(Resources.PODS, "shop", name)).isPresent();
    }

    @Test
    void refusesCreatesLikeTheApiServer() throws Exception {
        HttpResponse<String> duplicate = post(PODS, NEW_POD.formatted("\"name\":\"web-0\""));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(RawHttp.json(duplicate.body()).path("reason").asText()).isEqualTo("AlreadyExists");

        HttpResponse<String> noNamespace = post("/api/v1/namespaces/nowhere/pods", NEW_POD.formatted("\"name\":\"a\""));
        assertThat(noNamespace.statusCode()).isEqualTo(404);
        assertThat(RawHttp.json(noNamespace.body()).path("message").asText()).isEqualTo("namespaces \"nowhere\" not found");

        HttpResponse<String> unnamed = post(PODS, NEW_POD.formatted(""));
        assertThat(unnamed.statusCode()).isEqualTo(422);

        HttpResponse<String> unknownField = post(PODS, "{\"metadata\":{\"name\":\"x\"},\"spec\":{\"colour\":1}}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(unknownField.body()).path("message").asText())
                .startsWith("Pod in version \"v1\" cannot be handled as a Pod:").contains("colour");
    }

    @Test
    void replacesWithOptimisticConcurrencyAndLeavesStatusToItsSubresource() throws Exception {
        JsonNode current = RawHttp.json(http.get(PODS + "/web-0", null).body());
        String stale = current.path("metadata").path("resourceVersion").asText();
        String update = current.toString().replace("\"app\":\"web\"", "\"app\":\"web2\"")
                .replace("\"phase\":\"Running\"", "\"phase\":\"Failed\"");
        assertThat(http.send("PUT", PODS + "/web-0", null, "application/json", update).statusCode()).isEqualTo(200);
        V1Pod stored = store.get(Resources.PODS, "shop", "web-0").orElseThrow().object();
        assertThat(stored.getMetadata().getLabels()).containsEntry("app", "web2");
        assertThat(stored.getStatus().getPhase()).isEqualTo("Running");

        HttpResponse<String> conflict = http.send("PUT", PODS + "/web-0", null, "application/json", update);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(RawHttp.json(conflict.body()).path("reason").asText()).isEqualTo("Conflict");
        assertThat(stale).isNotEqualTo(stored.getMetadata().getResourceVersion());

        HttpResponse<String> status = http.send("PATCH", PODS + "/web-0/status", null, "application/merge-patch+json",
                "{\"status\":{\"phase\":\"Failed\"},\"metadata\":{\"labels\":{\"app\":\"ignored\"}}}");
        assertThat(status.statusCode()).isEqualTo(200);
        stored = store.get(Resources.PODS, "shop", "web-0").orElseThrow().object();
        assertThat(stored.getStatus().getPhase()).isEqualTo("Failed");
        assertThat(stored.getMetadata().getLabels()).containsEntry("app", "web2");
    }

    @Test
    void patchesByEveryPatchType() throws Exception {
        assertThat(patch("application/merge-patch+json", "{\"metadata\":{\"labels\":{\"app\":null,\"tier\":\"x\"}}}")
                .statusCode()).isEqualTo(200);
        V1Pod pod = store.get(Resources.PODS, "shop", "web-0").orElseThrow().object();
        assertThat(pod.getMetadata().getLabels()).isEqualTo(Map.of("tier", "x"));

        assertThat(patch("application/strategic-merge-patch+json",
                "{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.28\"}]}}").statusCode()).isEqualTo(200);
        pod = store.get(Resources.PODS, "shop", "web-0").orElseThrow().object();
        assertThat(pod.getSpec().getContainers()).singleElement()
                .satisfies(c -> assertThat(c.getImage()).isEqualTo("nginx:1.28"))
                .satisfies(c -> assertThat(c.getName()).isEqualTo("app"));
        assertThat(pod.getMetadata().getGeneration()).isEqualTo(2L);

        assertThat(patch("application/json-patch+json",
                "[{\"op\":\"add\",\"path\":\"/metadata/annotations\",\"value\":{\"note\":\"hi\"}}]").statusCode())
                .isEqualTo(200);
        assertThat(store.get(Resources.PODS, "shop", "web-0").orElseThrow().object().getMetadata().getAnnotations())
                .containsEntry("note", "hi");

        HttpResponse<String> apply = patch("application/apply-patch+yaml", "metadata: {}");
        assertThat(apply.statusCode()).isEqualTo(415);
        assertThat(RawHttp.json(apply.body()).path("message").asText()).contains("server-side apply is not supported");
    }

    @Test
    void aPatchThatChangesNothingKeepsTheResourceVersion() throws Exception {
        long before = store.revision();
        HttpResponse<String> response = patch("application/merge-patch+json", "{\"metadata\":{\"labels\":{\"app\":\"web\"}}}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(store.revision()).isEqualTo(before);
    }

    @Test
    void deletesARunningPodGracefully() throws Exception {
        HttpResponse<String> response = http.send("DELETE", PODS + "/web-0", null, "application/json",
                "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":10}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode pod = RawHttp.json(response.body());
        assertThat(pod.path("metadata").path("deletionGracePeriodSeconds").asInt()).isEqualTo(10);
        assertThat(pod.path("metadata").path("deletionTimestamp").asText()).isNotEmpty();
        assertThat(store.get(Resources.PODS, "shop", "web-0")).isPresent();

        assertThat(http.send("DELETE", PODS + "/web-0?gracePeriodSeconds=0", null, null, null).statusCode())
                .isEqualTo(200);
        assertThat(store.get(Resources.PODS, "shop", "web-0")).isEmpty();
    }

    @Test
    void deletesUnscheduledAndFinishedPodsAtOnce() throws Exception {
        post(PODS, NEW_POD.formatted("\"name\":\"pending\""));
        assertThat(http.send("DELETE", PODS + "/pending", null, null, null).statusCode()).isEqualTo(200);
        assertThat(store.get(Resources.PODS, "shop", "pending")).isEmpty();

        store.modify(Resources.PODS, "shop", "web-0", pod -> {
            pod.getStatus().setPhase("Succeeded");
            return pod;
        });
        assertThat(http.send("DELETE", PODS + "/web-0", null, null, null).statusCode()).isEqualTo(200);
        assertThat(store.get(Resources.PODS, "shop", "web-0")).isEmpty();
    }

    @Test
    void finalizersHoldADeletionUntilTheyAreRemoved() throws Exception {
        post(PODS, NEW_POD.formatted("\"name\":\"held\",\"finalizers\":[\"example.com/hold\"]"));
        HttpResponse<String> deleted = http.send("DELETE", PODS + "/held", null, null, null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(RawHttp.json(deleted.body()).path("metadata").path("deletionTimestamp").asText()).isNotEmpty();
        assertThat(store.get(Resources.PODS, "shop", "held")).isPresent();

        HttpResponse<String> released = http.send("PATCH", PODS + "/held", null, "application/merge-patch+json",
                "{\"metadata\":{\"finalizers\":null}}");
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(store.get(Resources.PODS, "shop", "held")).isEmpty();
    }

    @Test
    void deletesCollectionsBySelectorAndNamespacesWithTheirContents() throws Exception {
        store.create(Resources.PODS, SandboxFixtures.runningPod("shop", "other", "node-1", Map.of("app", "other")));
        HttpResponse<String> collection = http.send("DELETE", PODS + "?labelSelector=app%3Dother&gracePeriodSeconds=0",
                null, null, null);
        assertThat(collection.statusCode()).isEqualTo(200);
        assertThat(RawHttp.json(collection.body()).path("items")).extracting(i -> i.path("metadata").path("name").asText())
                .containsExactly("other");
        assertThat(store.list(Resources.PODS, "shop").items()).extracting(s -> s.object().getMetadata().getName())
                .containsExactly("web-0");

        assertThat(http.send("DELETE", "/api/v1/namespaces/shop", null, null, null).statusCode()).isEqualTo(200);
        assertThat(store.get(Resources.NAMESPACES, null, "shop")).isEmpty();
        assertThat(store.list(Resources.PODS, "shop").items()).isEmpty();
    }

    @Test
    void answersStatusObjectsForBadRequests() throws Exception {
        HttpResponse<String> missing = http.get(PODS + "/nope", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(RawHttp.json(missing.body())).isEqualTo(RawHttp.json("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                 "message":"pods \\"nope\\" not found","reason":"NotFound",
                 "details":{"name":"nope","kind":"pods"},"code":404}"""));
        assertThat(http.get("/api/v1/widgets", null).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/namespaces/shop/nodes/node-1", null).statusCode()).isEqualTo(404);
        assertThat(http.send("POST", PODS + "/web-0", null, "application/json", "{}").statusCode()).isEqualTo(405);
        assertThat(http.get(PODS + "?labelSelector=a%20in%20(", null).statusCode()).isEqualTo(400);
        assertThat(new RawHttp(sandbox.server(), null).get(PODS, null).statusCode()).isEqualTo(401);
    }

    @Test
    void servesHealthVersionAndDiscovery() throws Exception {
        RawHttp anonymous = new RawHttp(sandbox.server(), null);
        assertThat(anonymous.get("/healthz", null).body()).isEqualTo("ok");
        assertThat(RawHttp.json(anonymous.get("/version", null).body()).path("gitVersion").asText())
                .startsWith("v1.32.");
        JsonNode groups = RawHttp.json(http.get("/apis", null).body());
        assertThat(groups.path("groups")).extracting(g -> g.path("name").asText()).containsExactly("apps", "batch",
                "discovery.k8s.io", "events.k8s.io", "metrics.k8s.io");
        JsonNode core = RawHttp.json(http.get("/api/v1", null).body());
        assertThat(core.path("resources")).extracting(r -> r.path("name").asText())
                .contains("pods", "pods/status", "pods/log", "pods/exec", "pods/portforward", "namespaces", "nodes",
                        "events");
        JsonNode pods = List.copyOf(core.path("resources").findParents("name")).stream()
                .filter(r -> r.path("name").asText().equals("pods")).findFirst().orElseThrow();
        assertThat(pods.path("shortNames").get(0).asText()).isEqualTo("po");
        assertThat(pods.path("namespaced").asBoolean()).isTrue();
        assertThat(pods.path("verbs")).extracting(JsonNode::asText).contains("list", "watch", "patch");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send("POST", path, null, "application/json", body);
    }

    private HttpResponse<String> patch(String contentType, String body) throws Exception {
        return http.send("PATCH", PODS + "/web-0", null, contentType, body);
    }
}
