package dev.podscope.sandbox;

import dev.podscope.testing.Eventually;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.podscope.sandbox.api.AccessPolicy;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real kubectl 1.32 against the sandbox. */
class SandboxKubectlTest {
    @TempDir
    Path tempDir;
    private ClusterStore store;
    private RunningSandbox sandbox;
    private Kubectl kubectl;

    @BeforeEach
    void start() throws Exception {
        store = SandboxFixtures.emptyCluster(1000);
        V1Pod web = store.create(Resources.PODS,
                SandboxFixtures.runningPod("shop", "web-0", "node-1", Map.of("app", "web"))).object();
        store.create(Resources.PODS, SandboxFixtures.runningPod("shop", "web-1", "node-2", Map.of("app", "web")));
        store.create(Resources.PODS, SandboxFixtures.runningPod("default", "tools", "node-1", Map.of("app", "tools")));
        store.create(Resources.EVENTS, SandboxFixtures.podEvent(web, "web-0.started", "Started",
                "Started container app"));
        sandbox = new RunningSandbox(store, tempDir);
        kubectl = new Kubectl(sandbox.kubeconfig(), tempDir.resolve("home"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void getsPodsOfANamespace() throws Exception {
        Kubectl.Result result = kubectl.run("get", "pods", "-n", "shop");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.lines()).hasSize(3);
        assertThat(cells(result.lines().get(0))).containsExactly("NAME", "READY", "STATUS", "RESTARTS", "AGE");
        assertThat(cells(result.lines().get(1))).startsWith("web-0", "1/1", "Running", "0");
        assertThat(cells(result.lines().get(2))).startsWith("web-1", "1/1", "Running", "0");
    }

    @Test
    void getsPodsOfAllNamespaces() throws Exception {
        Kubectl.Result result = kubectl.run("get", "pods", "-A");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(cells(result.lines().get(0))).containsExactly("NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS",
                "AGE");
        assertThat(result.lines().subList(1, 4)).extracting(line -> cells(line).get(0) + "/" + cells(line).get(1))
                .containsExactly("default/tools", "shop/web-0", "shop/web-1");
    }

    @Test
    void getsPodsWide() throws Exception {
        Kubectl.Result result = kubectl.run("get", "pods", "-o", "wide");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.lines()).hasSize(3);
        assertThat(result.lines().get(0)).matches("NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE "
                + "+READINESS GATES");
        String ip = store.get(Resources.PODS, "shop", "web-0").orElseThrow().object().getStatus().getPodIP();
        assertThat(cells(result.lines().get(1))).startsWith("web-0", "1/1", "Running", "0")
                .endsWith(ip, "node-1", "<none>", "<none>");
    }

    @Test
    void printsAPodAsYamlLikeARealServer() throws Exception {
        Kubectl.Result result = kubectl.run("get", "pod", "web-0", "-o", "yaml");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode pod = new YAMLMapper().readTree(result.out());
        assertThat(pod.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(pod.path("kind").asText()).isEqualTo("Pod");
        assertThat(pod.path("metadata").path("name").asText()).isEqualTo("web-0");
        assertThat(pod.path("metadata").path("creationTimestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(pod.path("metadata").has("annotations")).isFalse();
        assertThat(pod.path("spec").path("nodeName").asText()).isEqualTo("node-1");
        assertThat(pod.path("status").path("containerStatuses").get(0).path("ready").asBoolean()).isTrue();
    }

    @Test
    void printsPodsAsJson() throws Exception {
        Kubectl.Result result = kubectl.run("get", "pods", "-o", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode list = new ObjectMapper().readTree(result.out());
        assertThat(list.path("kind").asText()).isEqualTo("List");
        assertThat(list.path("items")).extracting(item -> item.path("metadata").path("name").asText())
                .containsExactly("web-0", "web-1");
        assertThat(list.path("items").get(0).path("kind").asText()).isEqualTo("Pod");
    }

    @Test
    void getsNamespacesNodesAndEvents() throws Exception {
        Kubectl.Result namespaces = kubectl.run("get", "namespaces");
        assertThat(namespaces.exitCode()).as(namespaces.err()).isZero();
        assertThat(namespaces.lines()).extracting(line -> cells(line).subList(0, 2)).containsExactly(
                List.of("NAME", "STATUS"), List.of("default", "Active"), List.of("kube-system", "Active"),
                List.of("shop", "Active"));

        Kubectl.Result nodes = kubectl.run("get", "nodes");
        assertThat(nodes.exitCode()).as(nodes.err()).isZero();
        assertThat(nodes.lines()).extracting(line -> cells(line).subList(0, 2)).containsExactly(
                List.of("NAME", "STATUS"), List.of("node-1", "Ready"), List.of("node-2", "Ready"));

        Kubectl.Result table = kubectl.run("get", "events");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.lines().get(0)).matches("LAST SEEN +TYPE +REASON +OBJECT +MESSAGE");
        assertThat(table.lines().get(1)).matches(".* +Normal +Started +pod/web-0 +Started container app");

        Kubectl.Result events = kubectl.run("get", "events", "-o", "json");
        assertThat(events.exitCode()).as(events.err()).isZero();
        JsonNode list = new ObjectMapper().readTree(events.out());
        assertThat(list.path("items").get(0).path("reason").asText()).isEqualTo("Started");
        assertThat(kubectl.run("get", "events", "--field-selector", "involvedObject.name=web-0").lines())
                .hasSize(2);
        assertThat(kubectl.run("get", "events", "--field-selector", "involvedObject.name=web-1").err())
                .contains("No resources found in shop namespace.");
    }

    @Test
    void watchesPods() throws Exception {
        Process watch = kubectl.start("get", "pods", "-w");
        try {
            BlockingQueue<String> lines = Kubectl.lines(watch);
            Eventually.line(lines, line -> line.startsWith("web-1 "));
            store.create(Resources.PODS, SandboxFixtures.runningPod("shop", "web-2", "node-2", Map.of()));
            assertThat(cells(Eventually.line(lines, line -> !line.isBlank()))).startsWith("web-2", "1/1", "Running");
            store.modify(Resources.PODS, "shop", "web-0", pod -> {
                pod.getMetadata().setDeletionTimestamp(store.now().plusSeconds(30));
                return pod;
            });
            assertThat(cells(Eventually.line(lines, line -> !line.isBlank()))).startsWith("web-0", "1/1", "Terminating");
        } finally {
            watch.destroy();
            watch.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void appliesAManifest() throws Exception {
        String manifest = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: applied
                  labels: {app: applied}
                spec:
                  containers:
                  - name: main
                    image: busybox:1.36
                    command: ["sleep", "3600"]
                """;
        Kubectl.Result created = kubectl.apply(manifest);
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("pod/applied created");
        V1Pod pod = store.get(Resources.PODS, "shop", "applied").orElseThrow().object();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(pod.getStatus().getQosClass()).isEqualTo("BestEffort");
        assertThat(pod.getSpec().getContainers().getFirst().getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(pod.getMetadata().getAnnotations()).containsKey("kubectl.kubernetes.io/last-applied-configuration");

        assertThat(kubectl.apply(manifest).out()).contains("pod/applied unchanged");
        Kubectl.Result configured = kubectl.apply(manifest.replace("{app: applied}", "{app: applied, tier: web}"));
        assertThat(configured.out()).contains("pod/applied configured");
        assertThat(store.get(Resources.PODS, "shop", "applied").orElseThrow().object().getMetadata().getLabels())
                .containsEntry("tier", "web");
    }

    @Test
    void createsThroughKubectlsTypedClientsWhichSendProtobuf() throws Exception {
        assertThat(kubectl.run("create", "namespace", "lab").out()).contains("namespace/lab created");
        assertThat(store.get(Resources.NAMESPACES, null, "lab").orElseThrow().object().getStatus().getPhase())
                .isEqualTo("Active");

        Kubectl.Result run = kubectl.run("run", "nginx", "-n", "lab", "--image=nginx:1.27", "--labels=app=nginx");
        assertThat(run.exitCode()).as(run.err()).isZero();
        V1Pod pod = store.get(Resources.PODS, "lab", "nginx").orElseThrow().object();
        assertThat(pod.getMetadata().getLabels()).containsEntry("app", "nginx");
        assertThat(pod.getSpec().getContainers().getFirst().getImage()).isEqualTo("nginx:1.27");
        assertThat(pod.getSpec().getContainers().getFirst().getImagePullPolicy()).isEqualTo("IfNotPresent");

        Kubectl.Result deployment = kubectl.run("create", "deployment", "web", "-n", "lab", "--image=nginx",
                "--replicas=0");
        assertThat(deployment.exitCode()).as(deployment.err()).isZero();
        assertThat(store.get(Resources.DEPLOYMENTS, "lab", "web").orElseThrow().object().getSpec().getReplicas())
                .isZero();
    }

    @Test
    void deletesWithoutWaiting() throws Exception {
        Kubectl.Result result = kubectl.run("delete", "pod", "web-0", "--wait=false");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("pod \"web-0\" deleted");
        V1Pod terminating = store.get(Resources.PODS, "shop", "web-0").orElseThrow().object();
        assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotNull();
        assertThat(terminating.getMetadata().getDeletionGracePeriodSeconds()).isEqualTo(30L);
        assertThat(cells(kubectl.run("get", "pod", "web-0").lines().get(1))).startsWith("web-0", "1/1", "Terminating");
    }

    @Test
    void deleteWaitsUntilTheKubeletRemovesThePod() throws Exception {
        Process delete = kubectl.start("delete", "pod", "web-1");
        try {
            Eventually.until("web-1 to be terminating", () -> store.get(Resources.PODS, "shop", "web-1")
                    .map(s -> s.object().getMetadata().getDeletionTimestamp() != null).orElse(false));
            store.delete(Resources.PODS, "shop", "web-1");
            assertThat(delete.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(delete.exitValue()).isZero();
            assertThat(new String(delete.getInputStream().readAllBytes())).contains("pod \"web-1\" deleted");
        } finally {
            delete.destroy();
        }
    }

    @Test
    void reportsAMissingPodLikeARealServer() throws Exception {
        Kubectl.Result result = kubectl.run("get", "pod", "missing");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("Error from server (NotFound): pods \"missing\" not found");
    }

    private static List<String> cells(String line) {
        return List.of(line.trim().split(" {2,}"));
    }

    @Test
    void reportsForbiddenAndUnauthorized() throws Exception {
        sandbox.server().addToken("shop-only", AccessPolicy.allowAll("bob").onlyNamespace("shop"));
        Path bobConfig = Files.writeString(tempDir.resolve("bob"),
                Files.readString(sandbox.kubeconfig()).replace(RunningSandbox.TOKEN, "shop-only"));
        Kubectl bob = new Kubectl(bobConfig, tempDir.resolve("bob-home"));
        assertThat(bob.run("get", "pods").exitCode()).isZero();
        Kubectl.Result forbidden = bob.run("get", "pods", "-n", "default");
        assertThat(forbidden.err().strip()).isEqualTo("Error from server (Forbidden): pods is forbidden: User \"bob\" "
                + "cannot list resource \"pods\" in API group \"\" in the namespace \"default\"");

        Path strangerConfig = Files.writeString(tempDir.resolve("stranger"),
                Files.readString(sandbox.kubeconfig()).replace(RunningSandbox.TOKEN, "wrong"));
        Kubectl.Result unauthorized = new Kubectl(strangerConfig, tempDir.resolve("stranger-home")).run("get", "pods");
        assertThat(unauthorized.exitCode()).isEqualTo(1);
        assertThat(unauthorized.err()).contains("You must be logged in to the server");
    }
}
