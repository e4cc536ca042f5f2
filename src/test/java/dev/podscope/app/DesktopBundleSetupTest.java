package dev.podscope.app;

import dev.podscope.bundle.BundleException;
import dev.podscope.bundle.BundleExports;
import dev.podscope.cli.DesktopOptions;
import dev.podscope.sandbox.PodStateFixtures;
import dev.podscope.sandbox.SandboxFixtures;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code podscope --bundle FILE.zip}: the window opens on the bundle, next to the kubeconfig's live contexts. */
class DesktopBundleSetupTest {
    @TempDir
    Path dir;

    @Test
    void opensOnTheBundleWithTheLiveContextsBesideIt() throws Exception {
        ClusterStore store = SandboxFixtures.emptyCluster(100);
        store.create(Resources.PODS, PodStateFixtures.crashLooping("shop", "checkout-7d9c5", "node-1", 3));
        Path zip = dir.resolve("prod.zip");
        BundleExports.everything(store, "prod-eu", zip);
        Path kubeconfig = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                current-context: dev
                clusters:
                - name: dev
                  cluster: {server: "https://dev.example.test:6443"}
                users:
                - name: tester
                  user: {token: not-a-secret}
                contexts:
                - name: dev
                  context: {cluster: dev, user: tester}
                """);

        AppSetup setup = DesktopLauncher.setup(new DesktopOptions(false, kubeconfig.toString(), null, false, zip));
        try {
            assertThat(setup.context()).isEqualTo("bundle-prod-eu");
            assertThat(setup.sandbox()).isFalse();
            assertThat(setup.kubeconfig().contexts()).extracting(c -> c.name()).containsExactly("dev");
            assertThat(setup.bundles().all()).singleElement().satisfies(b -> {
                assertThat(b.manifest().context()).isEqualTo("prod-eu");
                assertThat(b.file()).isEqualTo(zip);
            });
        } finally {
            setup.onExit().close();
        }
        assertThat(setup.bundles().all()).as("closed on exit").isEmpty();
    }

    @Test
    void aBrokenBundleFailsBeforeAnyWindowWithTheReason() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.zip"), "not a zip");
        assertThatThrownBy(() -> DesktopLauncher.setup(new DesktopOptions(false, null, null, false, notes)))
                .isInstanceOf(BundleException.class)
                .hasMessage("notes.zip is not a Podscope bundle: it is not a zip file");
    }
}
