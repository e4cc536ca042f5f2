package dev.podscope.sandbox;

import com.google.gson.reflect.TypeToken;
import dev.podscope.sandbox.api.AccessPolicy;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.Watch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official Java client against the sandbox over real HTTPS. */
class SandboxServerClientTest {
    private static final java.lang.reflect.Type POD_WATCH = new TypeToken<Watch.Response<V1Pod>>() { }.getType();

    @TempDir
    Path tempDir;
    private ClusterStore store;
    private RunningSandbox sandbox;
    private CoreV1Api api;

    @BeforeEach
    void start() throws Exception {
        store = SandboxFixtures.emptyCluster(1000);
        for (int i = 0; i < 5; i++) {
            store.create(Resources.PODS, SandboxFixtures.runningPod("shop", "web-" + i, "node-" + (i % 2 + 1),
                    Map.of("app", "web", "tier", i < 2 ? "front" : "back")));
        }
        store.create(Resources.PODS, SandboxFixtures.runningPod("default", "tools", "node-1", Map.of("app", "tools")));
        sandbox = new RunningSandbox(store, tempDir);
        api = new CoreV1Api(sandbox.client());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void listsAndGetsPods() throws Exception {
        V1PodList shop = api.listNamespacedPod("shop").execute();
        assertThat(shop.getItems()).extracting(p -> p.getMetadata().getName())
                .containsExactly("web-0", "web-1", "web-2", "web-3", "web-4");
        assertThat(shop.getMetadata().getResourceVersion()).isEqualTo(Long.toString(store.revision()));

        V1PodList all = api.listPodForAllNamespaces().execute();
        assertThat(all.getItems()).extracting(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName())
                .startsWith("default/tools").hasSize(6);

        V1Pod pod = api.readNamespacedPod("web-3", "shop").execute();
        assertThat(pod.getSpec().getNodeName()).isEqualTo("node-2");
        assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
    }

    @Test
    void missingPodIsA404WithStatus() {
        assertThatThrownBy(() -> api.readNamespacedPod("missing", "shop").execute())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("\"reason\":\"NotFound\"")
                            .contains("pods \\\"missing\\\" not found");
                });
    }

    @Test
    void pagesWithLimitAndContinue() throws Exception {
        List<String> names = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            V1PodList page = api.listPodForAllNamespaces().limit(2)._continue(next).execute();
            page.getItems().forEach(p -> names.add(p.getMetadata().getName()));
            next = page.getMetadata().getContinue();
            pages++;
        } while (next != null && !next.isEmpty());
        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly("tools", "web-0", "web-1", "web-2", "web-3", "web-4");
    }

    @Test
    void selectsByLabelsAndFields() throws Exception {
        assertThat(names(api.listNamespacedPod("shop").labelSelector("tier=front").execute()))
                .containsExactly("web-0", "web-1");
        assertThat(names(api.listNamespacedPod("shop").labelSelector("app=web,tier notin (front)").execute()))
                .containsExactly("web-2", "web-3", "web-4");
        assertThat(names(api.listNamespacedPod("shop").labelSelector("!tier").execute())).isEmpty();
        assertThat(names(api.listPodForAllNamespaces().fieldSelector("spec.nodeName=node-2").execute()))
                .containsExactly("web-1", "web-3");
        assertThat(names(api.listPodForAllNamespaces()
                .fieldSelector("metadata.namespace!=shop,status.phase=Running").execute()))
                .containsExactly("tools");
        assertThatThrownBy(() -> api.listNamespacedPod("shop").fieldSelector("spec.color=red").execute())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));
    }

    @Test
    void watchesFromAResourceVersion() throws Exception {
        String listed = api.listNamespacedPod("shop").execute().getMetadata().getResourceVersion();
        store.modify(Resources.PODS, "shop", "web-0", pod -> {
            pod.getMetadata().putLabelsItem("color", "blue");
            return pod;
        });
        store.delete(Resources.PODS, "shop", "web-1");
        store.create(Resources.PODS, SandboxFixtures.runningPod("default", "elsewhere", "node-1", Map.of()));

        try (Watch<V1Pod> watch = Watch.createWatch(sandbox.client(), api.listNamespacedPod("shop").watch(true)
                .resourceVersion(listed).timeoutSeconds(30).buildCall(null), POD_WATCH)) {
            Watch.Response<V1Pod> modified = watch.next();
            assertThat(modified.type).isEqualTo("MODIFIED");
            assertThat(modified.object.getMetadata().getLabels()).containsEntry("color", "blue");
            Watch.Response<V1Pod> deleted = watch.next();
            assertThat(deleted.type).isEqualTo("DELETED");
            assertThat(deleted.object.getMetadata().getName()).isEqualTo("web-1");

            store.create(Resources.PODS, SandboxFixtures.runningPod("shop", "web-9", "node-1", Map.of()));
            Watch.Response<V1Pod> added = watch.next();
            assertThat(added.type).isEqualTo("ADDED");
            assertThat(added.object.getMetadata().getName()).isEqualTo("web-9");
        }
    }

    @Test
    void watchFromZeroStartsWithSyntheticAdds() throws Exception {
        try (Watch<V1Pod> watch = Watch.createWatch(sandbox.client(), api.listNamespacedPod("shop").watch(true)
                .resourceVersion("0").labelSelector("tier=front").timeoutSeconds(30).buildCall(null), POD_WATCH)) {
            assertThat(List.of(watch.next(), watch.next()))
                    .extracting(r -> r.type + " " + r.object.getMetadata().getName())
                    .containsExactly("ADDED web-0", "ADDED web-1");
            store.modify(Resources.PODS, "shop", "web-0", pod -> {
                pod.getMetadata().putLabelsItem("tier", "back");
                return pod;
            });
            Watch.Response<V1Pod> left = watch.next();
            assertThat(left.type + " " + left.object.getMetadata().getName()).isEqualTo("DELETED web-0");
        }
    }

    @Test
    void watchFromACompactedVersionGets410AndARelistWorks() throws Exception {
        ClusterStore small = SandboxFixtures.emptyCluster(3);
        try (RunningSandbox tiny = new RunningSandbox(small, Files.createDirectories(tempDir.resolve("tiny")))) {
            CoreV1Api tinyApi = new CoreV1Api(tiny.client());
            String old = tinyApi.listNamespacedPod("shop").execute().getMetadata().getResourceVersion();
            for (int i = 0; i < 5; i++) {
                small.create(Resources.PODS, SandboxFixtures.runningPod("shop", "p-" + i, "node-1", Map.of()));
            }
            try (Watch<V1Pod> watch = Watch.createWatch(tiny.client(), tinyApi.listNamespacedPod("shop").watch(true)
                    .resourceVersion(old).buildCall(null), POD_WATCH)) {
                Watch.Response<V1Pod> error = watch.next();
                assertThat(error.type).isEqualTo("ERROR");
                assertThat(error.status.getCode()).isEqualTo(410);
                assertThat(error.status.getReason()).isEqualTo("Expired");
                assertThat(watch.hasNext()).isFalse();
            }
            V1PodList relisted = tinyApi.listNamespacedPod("shop").execute();
            assertThat(relisted.getItems()).hasSize(5);
            try (Watch<V1Pod> watch = Watch.createWatch(tiny.client(), tinyApi.listNamespacedPod("shop").watch(true)
                    .resourceVersion(relisted.getMetadata().getResourceVersion()).buildCall(null), POD_WATCH)) {
                small.delete(Resources.PODS, "shop", "p-0");
                assertThat(watch.next().type).isEqualTo("DELETED");
            }
        }
    }

    @Test
    void watchSendsBookmarksWhenAskedAndEndsAtItsTimeout() throws Exception {
        try (Watch<V1Pod> watch = Watch.createWatch(sandbox.client(), api.listNamespacedPod("default").watch(true)
                .resourceVersion(Long.toString(store.revision())).allowWatchBookmarks(true).timeoutSeconds(6)
                .buildCall(null), POD_WATCH)) {
            Watch.Response<V1Pod> bookmark = watch.next();
            assertThat(bookmark.type).isEqualTo("BOOKMARK");
            assertThat(bookmark.object.getMetadata().getResourceVersion()).isEqualTo(Long.toString(store.revision()));
            while (watch.hasNext()) {
                assertThat(watch.next().type).isEqualTo("BOOKMARK");
            }
        }
    }

    @Test
    void servesTheLegacyWatchPathForOneObject() throws Exception {
        RawHttp http = new RawHttp(sandbox.server());
        try (var lines = http.lines("/api/v1/watch/namespaces/shop/pods/web-2?timeoutSeconds=20", null)) {
            var events = lines.iterator();
            assertThat(RawHttp.json(events.next()).path("type").asText()).isEqualTo("ADDED");
            store.modify(Resources.PODS, "shop", "web-1", pod -> {
                pod.getMetadata().putLabelsItem("ignored", "yes");
                return pod;
            });
            store.modify(Resources.PODS, "shop", "web-2", pod -> {
                pod.getMetadata().putLabelsItem("seen", "yes");
                return pod;
            });
            var modified = RawHttp.json(events.next());
            assertThat(modified.path("type").asText()).isEqualTo("MODIFIED");
            assertThat(modified.path("object").path("metadata").path("labels").path("seen").asText()).isEqualTo("yes");
        }
    }

    @Test
    void wrongTokenIs401() throws Exception {
        CoreV1Api stranger = new CoreV1Api(sandbox.client("not-a-token"));
        assertThatThrownBy(() -> stranger.listNamespacedPod("shop").execute())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(401);
                    assertThat(e.getResponseBody()).contains("\"reason\":\"Unauthorized\"");
                });
    }

    @Test
    void restrictedTokensGet403() throws Exception {
        sandbox.server().addToken("no-namespaces", AccessPolicy.allowAll("alice").deny("list", "namespaces", null));
        sandbox.server().addToken("shop-only", AccessPolicy.allowAll("bob").onlyNamespace("shop"));

        CoreV1Api alice = new CoreV1Api(sandbox.client("no-namespaces"));
        assertThat(alice.listNamespacedPod("shop").execute().getItems()).hasSize(5);
        assertThatThrownBy(() -> alice.listNamespace().execute())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getResponseBody()).contains("namespaces is forbidden: User \\\"alice\\\" cannot list "
                            + "resource \\\"namespaces\\\" in API group \\\"\\\" at the cluster scope");
                });

        CoreV1Api bob = new CoreV1Api(sandbox.client("shop-only"));
        assertThat(bob.readNamespacedPod("web-0", "shop").execute().getMetadata().getName()).isEqualTo("web-0");
        assertThatThrownBy(() -> bob.listPodForAllNamespaces().execute())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        assertThatThrownBy(() -> bob.readNamespacedPod("tools", "default").execute())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getResponseBody()).contains("pods \\\"tools\\\" is forbidden: User \\\"bob\\\" cannot get "
                            + "resource \\\"pods\\\" in API group \\\"\\\" in the namespace \\\"default\\\"");
                });
    }

    @Test
    void stoppingEndsWatchesAndARestartOnTheSamePortServesAgain() throws Exception {
        SandboxServer first = sandbox.server();
        Watch<V1Pod> watch = Watch.createWatch(sandbox.client(), api.listNamespacedPod("shop").watch(true)
                .resourceVersion(Long.toString(store.revision())).buildCall(null), POD_WATCH);
        first.stop();
        assertThat(ended(watch)).isTrue();
        watch.close();

        SandboxServer second = SandboxServer.start(store, first.tls(), first.token(), first.port());
        try {
            assertThat(second.server()).isEqualTo(first.server());
            assertThat(api.listNamespacedPod("shop").execute().getItems()).hasSize(5);
        } finally {
            second.stop();
        }
    }

    /** Whether the stream is over, cleanly or by a dropped connection. */
    private static boolean ended(Watch<V1Pod> watch) {
        try {
            return !watch.hasNext();
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static List<String> names(V1PodList list) {
        return list.getItems().stream().map(p -> p.getMetadata().getName()).toList();
    }
}
