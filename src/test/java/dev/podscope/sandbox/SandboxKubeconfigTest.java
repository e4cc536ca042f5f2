package dev.podscope.sandbox;

import io.kubernetes.client.util.KubeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxKubeconfigTest {
    @TempDir
    Path tempDir;

    @Test
    void writesAnOwnerOnlyKubeconfigThatClientsRead() throws Exception {
        try (RunningSandbox sandbox = new RunningSandbox(SandboxFixtures.emptyCluster(10), tempDir)) {
            Path file = SandboxKubeconfig.write(tempDir.resolve("config"), sandbox.server(), "lab", "shop");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

            KubeConfig config = KubeConfig.loadKubeConfig(new StringReader(Files.readString(file)));
            assertThat(config.getCurrentContext()).isEqualTo("lab");
            assertThat(config.getNamespace()).isEqualTo("shop");
            assertThat(config.getServer()).isEqualTo(sandbox.server().server().toString());
            assertThat(new String(config.getDataOrFileRelative(config.getCertificateAuthorityData(), null)))
                    .isEqualTo(sandbox.server().tls().caPem());
            assertThat(config.getCredentials()).containsEntry(KubeConfig.CRED_TOKEN_KEY, RunningSandbox.TOKEN);
        }
    }

    @Test
    void namesEverythingPodscopeSandboxByDefault() throws Exception {
        try (RunningSandbox sandbox = new RunningSandbox(SandboxFixtures.emptyCluster(10), tempDir)) {
            String yaml = SandboxKubeconfig.yaml(sandbox.server(), null, null);
            KubeConfig config = KubeConfig.loadKubeConfig(new StringReader(yaml));
            assertThat(config.getCurrentContext()).isEqualTo("podscope-sandbox");
            assertThat(config.getClusters()).hasSize(1);
            assertThat(config.getNamespace()).isNull();
            assertThat(yaml).contains("certificate-authority-data: ");
        }
    }
}
