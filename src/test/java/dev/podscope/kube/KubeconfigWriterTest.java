package dev.podscope.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigWriterTest {
    @TempDir
    Path home;

    @Test
    void writesWhatKubectlConfigViewWouldWriteForTheSameConfig() throws Exception {
        byte[] ca = TestPki.ca("sandbox-ca").certificatePemBytes();
        String yaml = KubeconfigWriter.yaml("podscope-sandbox", "https://127.0.0.1:6443", ca, "s4ndb0x-t0ken", "demo");
        Path file = Files.writeString(home.resolve("sandbox.yaml"), yaml);

        assertThat(yaml).isEqualTo(Kubectl.run(home, Map.of(), "config", "view", "--raw", "--kubeconfig",
                file.toString()));

        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.resolve(file.toString(), Map.of(), home));
        assertThat(set.problems()).isEmpty();
        assertThat(set.currentContext()).contains("podscope-sandbox");
        assertThat(set.context("podscope-sandbox").orElseThrow()).isEqualTo(new KubeContext("podscope-sandbox",
                "podscope-sandbox", "podscope-sandbox", "demo", "https://127.0.0.1:6443", file));
        assertThat(set.cluster("podscope-sandbox").orElseThrow().certificateAuthorityData()).isEqualTo(ca);
        assertThat(set.user("podscope-sandbox").orElseThrow().token()).isEqualTo("s4ndb0x-t0ken");
    }

    @Test
    void leavesOutWhatIsNotGiven() throws Exception {
        String yaml = KubeconfigWriter.yaml("plain", "http://127.0.0.1:8080", null, null, null);
        Path file = Files.writeString(home.resolve("plain.yaml"), yaml);

        assertThat(yaml).isEqualTo(Kubectl.run(home, Map.of(), "config", "view", "--raw", "--kubeconfig",
                file.toString()));
        assertThat(yaml).doesNotContain("certificate-authority-data", "token", "namespace");
    }

    @Test
    void quotesValuesThatYamlWouldMisread() throws Exception {
        String token = "tok: en\"x #1";
        Path file = Files.writeString(home.resolve("quoted.yaml"),
                KubeconfigWriter.yaml("q", "https://h:1", null, token, "ns"));
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.resolve(file.toString(), Map.of(), home));
        assertThat(set.user("q").orElseThrow().token()).isEqualTo(token);
    }
}
