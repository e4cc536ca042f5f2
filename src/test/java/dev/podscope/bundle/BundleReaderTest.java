package dev.podscope.bundle;

import dev.podscope.sandbox.PodStateFixtures;
import dev.podscope.sandbox.SandboxFixtures;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening a bundle: what it exposes, and the clear refusal of every kind of broken or foreign zip. */
class BundleReaderTest {
    @TempDir
    Path dir;
    private BundleFiles files;
    private Instant before;
    private Instant after;

    @BeforeEach
    void capture() throws Exception {
        ClusterStore store = SandboxFixtures.emptyCluster(100);
        store.create(Resources.PODS, SandboxFixtures.runningPod("shop", "web-0", "node-1", Map.of("app", "web")));
        store.create(Resources.PODS, PodStateFixtures.crashLooping("shop", "checkout-7d9c5", "node-1", 3));
        before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        BundleExports.export(store, "prod-eu", BundleScope.namespaces(List.of("shop")), dir.resolve("b.zip"));
        after = Instant.now();
        files = BundleFiles.read(dir.resolve("b.zip"));
    }

    @Test
    void exposesTheCaptureAndDecodesListsAsTheApiServerWroteThem() throws Exception {
        Path zip = dir.resolve("b.zip");
        try (BundleReader bundle = BundleReader.open(zip)) {
            BundleManifest manifest = bundle.manifest();
            assertThat(manifest.context()).isEqualTo("prod-eu");
            assertThat(manifest.createdAt()).isBetween(before, after);
            assertThat(manifest.server().gitVersion()).isEqualTo("v1.32.0-podscope-sandbox");
            assertThat(manifest.scope().describe()).isEqualTo("namespace shop");
            assertThat(bundle.namespaces()).containsExactly("shop");
            List<V1Pod> pods = bundle.items("namespaces/shop/pods.json", V1Pod.class);
            assertThat(pods).extracting(p -> p.getMetadata().getName()).containsExactly("checkout-7d9c5", "web-0");
            assertThat(pods.getFirst().getStatus().getContainerStatuses().getFirst().getRestartCount()).isEqualTo(3);
            assertThat(bundle.has("logs/shop/checkout-7d9c5/checkout.previous.log")).isTrue();
            assertThat(bundle.items("namespaces/absent/pods.json", V1Pod.class)).isEmpty();
        }
    }

    @Test
    void aZipWithoutManifestIsNotABundle() throws Exception {
        Path zip = BundleFiles.write(dir.resolve("photos.zip"), Map.of("a.jpg", new byte[] {1, 2}));
        assertThatThrownBy(() -> BundleReader.open(zip)).isInstanceOf(BundleException.class)
                .hasMessage("photos.zip is not a Podscope bundle: it has no manifest.json");
    }

    @Test
    void aFileThatIsNoZipIsNotABundle() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.zip"), "just text");
        assertThatThrownBy(() -> BundleReader.open(file)).isInstanceOf(BundleException.class)
                .hasMessage("notes.zip is not a Podscope bundle: it is not a zip file");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("nowhere.zip");
        assertThatThrownBy(() -> BundleReader.open(file)).isInstanceOf(BundleException.class)
                .hasMessage("Cannot open " + file + ": no such file");
    }

    @Test
    void anotherManifestFormatIsRefused() throws Exception {
        Path zip = manifestOnly(dir.resolve("other.zip"), "{\"format\":\"troubleshoot/1\"}");
        assertThatThrownBy(() -> BundleReader.open(zip))
                .hasMessage("other.zip is not a Podscope bundle: its manifest.json has no format \"podscope-bundle/1\"");
        Path newer = manifestOnly(dir.resolve("newer.zip"), "{\"format\":\"podscope-bundle/2\"}");
        assertThatThrownBy(() -> BundleReader.open(newer)).hasMessage("newer.zip is a bundle of format"
                + " \"podscope-bundle/2\", which this Podscope cannot read (it reads \"podscope-bundle/1\")");
        Path broken = manifestOnly(dir.resolve("broken.zip"), "{\"format\":");
        assertThatThrownBy(() -> BundleReader.open(broken))
                .hasMessageStartingWith("broken.zip is not a Podscope bundle: manifest.json is not valid JSON");
    }

    @Test
    void aChangedFileIsNamed() throws Exception {
        byte[] pods = files.entries().get("namespaces/shop/pods.json").clone();
        pods[pods.length / 2] ^= 1; // same size, different bytes
        Path zip = files.with("namespaces/shop/pods.json", pods).write(dir.resolve("tampered.zip"));
        assertThatThrownBy(() -> BundleReader.open(zip)).isInstanceOf(BundleException.class).hasMessage(
                "tampered.zip is corrupt or was changed: the sha256 of namespaces/shop/pods.json does not match"
                        + " the manifest");
    }

    @Test
    void aTruncatedFileIsNamedWithItsSize() throws Exception {
        Path zip = files.with("cluster/nodes.json", "{}".getBytes(StandardCharsets.UTF_8))
                .write(dir.resolve("cut.zip"));
        assertThatThrownBy(() -> BundleReader.open(zip)).hasMessage("cut.zip is corrupt or was changed:"
                + " cluster/nodes.json has 2 bytes, the manifest says " + files.entries().get("cluster/nodes.json").length);
    }

    @Test
    void aListedFileThatIsNotThereIsNamed() throws Exception {
        Path zip = files.without("logs/shop/web-0/app.log").write(dir.resolve("incomplete.zip"));
        assertThatThrownBy(() -> BundleReader.open(zip)).hasMessage("incomplete.zip is incomplete:"
                + " logs/shop/web-0/app.log is listed in the manifest but not in the zip");
    }

    @Test
    void aFileTheManifestDoesNotListIsNamed() throws Exception {
        Path zip = files.with("namespaces/shop/extra.json", "{}".getBytes(StandardCharsets.UTF_8))
                .write(dir.resolve("added.zip"));
        assertThatThrownBy(() -> BundleReader.open(zip)).hasMessage("added.zip was changed:"
                + " namespaces/shop/extra.json is in the zip but not listed in the manifest");
    }

    @Test
    void aManifestWithoutContextOrTimeIsRefused() throws Exception {
        Path zip = manifestOnly(dir.resolve("bare.zip"), "{\"format\":\"podscope-bundle/1\",\"createdAt\":\"yesterday\",\"context\":\"x\"}");
        assertThatThrownBy(() -> BundleReader.open(zip))
                .hasMessage("bare.zip: manifest.json has an invalid createdAt \"yesterday\"");
        Path noContext = manifestOnly(dir.resolve("nocontext.zip"), "{\"format\":\"podscope-bundle/1\",\"createdAt\":\"2026-11-25T12:00:00Z\"}");
        assertThatThrownBy(() -> BundleReader.open(noContext))
                .hasMessage("nocontext.zip: manifest.json has no \"context\"");
    }

    private static Path manifestOnly(Path file, String manifest) throws Exception {
        return BundleFiles.write(file, Map.of(BundleReader.MANIFEST, manifest.getBytes(StandardCharsets.UTF_8)));
    }
}
