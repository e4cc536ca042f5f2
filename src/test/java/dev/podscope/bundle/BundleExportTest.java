package dev.podscope.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podscope.bundle.redact.UserRules;
import dev.podscope.pods.PodKey;
import dev.podscope.probes.ProbeJournal;
import dev.podscope.probes.ProbeResult;
import dev.podscope.sandbox.Canaries;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.api.AccessPolicy;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.format.PodRow;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.testing.Eventually;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bundles exported from the simulated sandbox, read back with the JDK's zip reader. */
class BundleExportTest {
    private static Sandbox sandbox;
    private static ApiClient admin;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(0, new SimulatorOptions().withChurn(false));
        admin = Config.fromConfig(new StringReader(sandbox.kubeconfigYaml()));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void noCanaryReachesTheBundleWhileOrdinaryValuesDo() throws IOException {
        BundleFiles bundle = export(BundleScope.everyNamespace());

        for (Map.Entry<String, byte[]> entry : bundle.entries().entrySet()) {
            String text = new String(entry.getValue(), StandardCharsets.UTF_8);
            for (String canary : Canaries.ALL) {
                assertThat(text).as("canary %s in %s", canary, entry.getKey()).doesNotContain(canary);
            }
        }
        String all = String.join("\n", bundle.entries().values().stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).toList());
        assertThat(all).contains(Canaries.VISIBLE_ENV, Canaries.VISIBLE_LOG);
        String pods = bundle.text("namespaces/shop/pods.json");
        assertThat(pods).contains("\"secretKeyRef\":{\"key\":\"token\",\"name\":\"cart-db\"}", "DB_PASSWORD",
                "postgres://cart:***HIDDEN***@postgres.data.svc.cluster.local:5432/cart");
        JsonNode secrets = bundle.json("namespaces/shop/secrets.json");
        assertThat(secrets.path("items")).anySatisfy(s -> {
            assertThat(s.path("metadata").path("name").asText()).isEqualTo(Canaries.SECRET);
            assertThat(s.path("type").asText()).isEqualTo("Opaque");
            assertThat(s.has("data")).isFalse();
        });
        JsonNode configMaps = bundle.json("namespaces/shop/configmaps.json");
        assertThat(configMaps.path("items")).anySatisfy(c -> {
            assertThat(c.path("metadata").path("name").asText()).isEqualTo(Canaries.CONFIG_MAP);
            assertThat(c.has("data")).isFalse();
        });
        String cartLog = bundle.entries().keySet().stream().filter(p -> p.matches("logs/shop/cart-.*/cart\\.log"))
                .findFirst().map(bundle::text).orElseThrow();
        assertThat(cartLog).contains("Password=***HIDDEN***;", "Bearer ***HIDDEN***", "-----BEGIN PRIVATE KEY-----");
        List<String> rules = new ArrayList<>();
        bundle.manifest().path("redactions").forEach(r -> rules.add(r.path("rule").asText()));
        assertThat(rules).contains("sensitive-env-value", "url-credentials", "bearer-token", "jwt", "pem-private-key",
                "cloud-access-key", "connection-string-password", "sensitive-assignment", "last-applied-data");
    }

    @Test
    void configMapDataOnRequestStillMasksSensitiveKeys() throws IOException {
        BundleFiles bundle = export(BundleScope.namespaces(List.of("shop")).withConfigMapData(true)
                .withLogs(LogSelection.NONE));
        String configMaps = bundle.text("namespaces/shop/configmaps.json");
        assertThat(configMaps).contains(Canaries.VISIBLE_CONFIG).doesNotContain(Canaries.CONFIG_MAP_PASSWORD);
        assertThat(bundle.entries().keySet()).noneMatch(p -> p.startsWith("logs/"));
    }

    @Test
    void everyFileIsListedWithItsSizeAndSha256() throws Exception {
        BundleFiles bundle = export(BundleScope.namespaces(List.of("shop", "data")));
        JsonNode manifest = bundle.manifest();
        assertThat(manifest.path("format").asText()).isEqualTo("podscope-bundle/1");
        assertThat(manifest.path("context").asText()).isEqualTo("podscope-sandbox");
        assertThat(manifest.path("server").path("gitVersion").asText()).startsWith("v1.");
        assertThat(manifest.toString()).doesNotContain(sandbox.server().token(), "127.0.0.1");
        List<String> listed = new ArrayList<>();
        for (JsonNode file : manifest.path("files")) {
            String path = file.path("path").asText();
            listed.add(path);
            byte[] bytes = bundle.entries().get(path);
            assertThat(bytes).as(path).isNotNull();
            assertThat(file.path("size").asLong()).as(path).isEqualTo(bytes.length);
            assertThat(file.path("sha256").asText()).as(path)
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        List<String> entries = new ArrayList<>(bundle.entries().keySet());
        entries.remove("manifest.json");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(entries);
        assertThat(entries).contains("summary.md", "cluster/version.json", "cluster/nodes.json",
                "cluster/namespaces.json", "namespaces/shop/pods.json", "namespaces/shop/events.json",
                "namespaces/shop/deployments.json", "namespaces/data/endpointslices.json", "metrics/pods.json",
                "metrics/nodes.json");
        assertThat(bundle.json("namespaces/shop/pods.json").path("items").size())
                .isEqualTo(sandbox.store().list(dev.podscope.sandbox.store.Resources.PODS, "shop").items().size());
    }

    @Test
    void summaryListsUnhealthyPodsWithTheirDiagnosis() throws IOException {
        // the crash loop alternates between Error and CrashLoopBackOff: capture it while it backs off
        Eventually.until("a pod in CrashLoopBackOff", () -> sandbox.store().list(Resources.PODS, "shop").items()
                .stream().anyMatch(p -> PodRow.of(p.object(), Instant.now()).status()
                        .equals("CrashLoopBackOff")));
        BundleFiles bundle = export(BundleScope.everyNamespace().withLogs(LogSelection.UNHEALTHY));
        String summary = bundle.text("summary.md");
        assertThat(summary).contains("# Podscope diagnostic bundle", "| shop |", "## Unhealthy pods",
                "CrashLoopBackOff", "Diagnosis:", "Last warning events:", "BackOff");
        // logs only of unhealthy pods: the healthy web pods have none
        assertThat(bundle.entries().keySet()).noneMatch(p -> p.startsWith("logs/default/web-"))
                .anyMatch(p -> p.startsWith("logs/"));
    }

    @Test
    void selectedPodsOnly() throws IOException {
        String cart = sandbox.store().list(dev.podscope.sandbox.store.Resources.PODS, "shop").items().stream()
                .map(p -> p.object().getMetadata().getName()).filter(n -> n.startsWith("cart-")).findFirst().orElseThrow();
        BundleFiles bundle = export(BundleScope.pods(List.of(new PodKey("shop", cart))));
        assertThat(bundle.json("namespaces/shop/pods.json").path("items")).singleElement()
                .satisfies(p -> assertThat(p.path("metadata").path("name").asText()).isEqualTo(cart));
        assertThat(bundle.entries().keySet()).filteredOn(p -> p.startsWith("logs/"))
                .allMatch(p -> p.startsWith("logs/shop/" + cart + "/"));
        assertThat(bundle.manifest().path("scope").path("pods").get(0).asText()).isEqualTo("shop/" + cart);
    }

    @Test
    void logsAreCappedKeepingTheirTail() throws IOException {
        BundleFiles bundle = export(BundleScope.namespaces(List.of("shop")).withLogLimit(600));
        JsonNode cart = null;
        for (JsonNode file : bundle.manifest().path("files")) {
            if (file.path("path").asText().startsWith("logs/")) {
                assertThat(file.path("size").asLong()).isLessThanOrEqualTo(600);
            }
            if (file.path("path").asText().matches("logs/shop/cart-.*/cart\\.log")) {
                cart = file;
            }
        }
        assertThat(cart).isNotNull();
        assertThat(cart.path("truncatedFrom").asLong()).isGreaterThan(600);
        String text = bundle.text(cart.path("path").asText());
        // whole lines only, as kubectl logs --timestamps prints them: the cut fell at a line start
        assertThat(text).endsWith("\n");
        assertThat(text.lines()).isNotEmpty()
                .allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z \\{\"time\":.*\\}"));
    }

    @Test
    void userRulesMaskWhatTheyMatchInTheFilesTheyName() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - name: region
                    regex: "visible-env-region-[0-9a-f]+"
                    files: "namespaces/**"
                    replacement: "REGION"
                """);
        BundleFiles bundle = export(BundleScope.namespaces(List.of("shop")).withUserRules(UserRules.load(rules)));
        assertThat(bundle.text("namespaces/shop/pods.json")).doesNotContain(Canaries.VISIBLE_ENV)
                .contains("\"value\":\"REGION\"");
        JsonNode region = null;
        for (JsonNode rule : bundle.manifest().path("redactions")) {
            if (rule.path("rule").asText().equals("region")) {
                region = rule;
            }
        }
        assertThat(region).isNotNull();
        assertThat(region.path("files").path("namespaces/shop/pods.json").asInt()).isEqualTo(2);
    }

    @Test
    void aForbiddenKindOrLogIsRecordedNotFatal() throws IOException {
        sandbox.server().addToken("no-secrets", AccessPolicy.allowAll("carol")
                .deny("list", "secrets", null).deny("get", "pods/log", "data"));
        ApiClient carol = Config.fromConfig(new StringReader(sandbox.kubeconfigYaml()));
        carol.setApiKeyPrefix("Bearer");
        carol.setApiKey("no-secrets");
        Path target = dir.resolve("carol.zip");
        new BundleExporter(carol, "carol", Clock.systemUTC())
                .export(BundleScope.namespaces(List.of("shop", "data")), target, BundleProgress.NONE, () -> false);
        BundleFiles bundle = BundleFiles.read(target);
        List<String> missing = new ArrayList<>();
        bundle.manifest().path("missing").forEach(m -> missing.add(m.path("path").asText() + " " + m.path("reason").asText()));
        assertThat(missing).anyMatch(m -> m.startsWith("namespaces/shop/secrets.json forbidden:"))
                .anyMatch(m -> m.startsWith("logs/data/") && m.contains("Forbidden (403)"));
        assertThat(bundle.entries()).containsKey("namespaces/shop/pods.json").doesNotContainKey("namespaces/shop/secrets.json");
        assertThat(bundle.entries().keySet()).noneMatch(p -> p.startsWith("logs/data/")).anyMatch(p -> p.startsWith("logs/shop/"));
    }

    @Test
    void probeChecksOfTheSessionInScopeAreRedactedIntoProbesResults() throws IOException {
        Instant when = Instant.parse("2026-11-25T11:59:30Z");
        ProbeResult leaky = new ProbeResult(false, Duration.ofMillis(12), 401,
                "{\"error\":\"expired\",\"sent\":\"Bearer " + Canaries.BEARER + "\"} " + Canaries.VISIBLE_LOG,
                "HTTP probe failed with statuscode: 401", when, "HTTP GET :8080/readyz");
        ProbeResult tcp = new ProbeResult(true, Duration.ofMillis(3), 0, "", "", when, "TCP :6379");
        String cart = podNamed("shop", "cart-");
        List<ProbeJournal.Entry> journal = List.of(
                new ProbeJournal.Entry("podscope-sandbox", "shop", cart, "Readiness probe of cart", leaky,
                        "kubelet: Ready False — agrees with this run", true),
                new ProbeJournal.Entry("podscope-sandbox", "data", podNamed("data", "redis-"), "ad-hoc TCP :6379",
                        tcp, null, null),
                new ProbeJournal.Entry("podscope-sandbox", "shop", "cart-deleted-since", "ad-hoc TCP :8080", tcp,
                        null, null));
        Path target = dir.resolve("probes.zip");
        new BundleExporter(admin, "podscope-sandbox", Clock.systemUTC()).withProbeResults(journal).export(
                BundleScope.namespaces(List.of("shop")).withLogs(LogSelection.NONE), target, BundleProgress.NONE,
                () -> false);
        BundleFiles bundle = BundleFiles.read(target);

        String text = bundle.text("probes/results.json");
        assertThat(text).doesNotContain(Canaries.BEARER).contains("Bearer ***HIDDEN***", Canaries.VISIBLE_LOG);
        JsonNode items = bundle.json("probes/results.json").path("items");
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.path("pod").asText()).isEqualTo(cart);
            assertThat(item.path("check").asText()).isEqualTo("Readiness probe of cart");
            assertThat(item.path("action").asText()).isEqualTo("HTTP GET :8080/readyz");
            assertThat(item.path("at").asText()).isEqualTo("2026-11-25T11:59:30Z");
            assertThat(item.path("success").asBoolean()).isFalse();
            assertThat(item.path("latencyMillis").asInt()).isEqualTo(12);
            assertThat(item.path("httpStatus").asInt()).isEqualTo(401);
            assertThat(item.path("agreesWithKubelet").asBoolean()).isTrue();
        });
        assertThat(bundle.manifest().path("files")).anySatisfy(f ->
                assertThat(f.path("path").asText()).isEqualTo("probes/results.json"));
        // only pods the bundle has: the data namespace was out of scope above, and here the selector leaves the cart
        Path selected = dir.resolve("selected.zip");
        new BundleExporter(admin, "podscope-sandbox", Clock.systemUTC()).withProbeResults(journal).export(
                BundleScope.namespaces(List.of("shop")).withLabelSelector("app=no-such-app")
                        .withLogs(LogSelection.NONE), selected, BundleProgress.NONE, () -> false);
        assertThat(BundleFiles.read(selected).entries()).doesNotContainKey("probes/results.json");
    }

    private static String podNamed(String namespace, String prefix) {
        return sandbox.store().list(dev.podscope.sandbox.store.Resources.PODS, namespace).items().stream()
                .map(p -> p.object().getMetadata().getName()).filter(n -> n.startsWith(prefix)).findFirst()
                .orElseThrow();
    }

    @Test
    void cancellingMidWayLeavesNoFile() throws IOException {
        AtomicInteger steps = new AtomicInteger();
        List<String> seen = new ArrayList<>();
        Path target = dir.resolve("cancelled.zip");
        assertThatThrownBy(() -> new BundleExporter(admin, "podscope-sandbox", Clock.systemUTC()).export(
                BundleScope.everyNamespace(), target, (step, fraction) -> {
                    seen.add(step);
                    steps.incrementAndGet();
                }, () -> steps.get() > 12)).isInstanceOf(BundleCancelledException.class);
        assertThat(seen).anyMatch(s -> s.startsWith("Logs of "));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void progressRunsFromZeroToOne() throws IOException {
        List<Double> fractions = new ArrayList<>();
        new BundleExporter(admin, "podscope-sandbox", Clock.systemUTC()).export(
                BundleScope.namespaces(List.of("shop")).withSince(Duration.ofHours(1)), dir.resolve("p.zip"),
                (step, fraction) -> fractions.add(fraction), () -> false);
        assertThat(fractions).isSorted().first().isEqualTo(0.0);
        assertThat(fractions.getLast()).isEqualTo(1.0);
    }

    private BundleFiles export(BundleScope scope) throws IOException {
        Path target = dir.resolve("bundle.zip");
        BundleResult result = new BundleExporter(admin, "podscope-sandbox", Clock.systemUTC())
                .export(scope, target, BundleProgress.NONE, () -> false);
        assertThat(result.file()).isEqualTo(target.toAbsolutePath());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part") || n.endsWith(".spool"));
        }
        return BundleFiles.read(target);
    }
}
