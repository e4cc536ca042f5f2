package dev.podscope.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1PodList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Ten thousand pods served whole, paged and as a Table. */
class SandboxScaleTest {
    private static final int PODS = 10_000;

    @TempDir
    Path tempDir;

    @Test
    void servesTenThousandPods() throws Exception {
        ClusterStore store = SandboxFixtures.emptyCluster(PODS * 2);
        for (int i = 0; i < PODS; i++) {
            store.create(Resources.PODS, SandboxFixtures.runningPod(i % 2 == 0 ? "shop" : "default",
                    "pod-" + i, "node-" + (i % 2 + 1), Map.of("app", "app-" + i % 10)));
        }
        try (RunningSandbox sandbox = new RunningSandbox(store, tempDir)) {
            RawHttp http = new RawHttp(sandbox.server());
            assertThat(RawHttp.json(http.get("/api/v1/pods", null).body()).path("items").size()).isEqualTo(PODS);
            JsonNode table = RawHttp.json(http.get("/api/v1/pods", RawHttp.TABLE).body());
            assertThat(table.path("rows").size()).isEqualTo(PODS);

            CoreV1Api api = new CoreV1Api(sandbox.client());

            Set<String> paged = new HashSet<>();
            String next = null;
            do {
                V1PodList page = api.listPodForAllNamespaces().limit(500)._continue(next).execute();
                page.getItems().forEach(p -> paged.add(p.getMetadata().getNamespace() + "/" + p.getMetadata().getName()));
                next = page.getMetadata().getContinue();
            } while (next != null);
            assertThat(paged).hasSize(PODS);

            assertThat(api.listNamespacedPod("shop").labelSelector("app=app-4").execute().getItems())
                    .hasSize(PODS / 10);
        }
    }
}
