package dev.podscope.cli;

import dev.podscope.bundle.BundleExports;
import dev.podscope.sandbox.PodStateFixtures;
import dev.podscope.sandbox.SandboxFixtures;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code podscope sandbox --bundle FILE.zip}: serves the bundle to kubectl until stopped; a bad file is one clear line. */
class SandboxBundleCommandTest {
    private static final Pattern READY = Pattern.compile("Bundle prod\\.zip \\(context prod-eu, captured at"
            + " \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\) served read-only at https://127\\.0\\.0\\.1:(\\d+);"
            + " kubeconfig (\\S+) \\(context bundle-prod-eu\\)\\. Press Ctrl-C to stop\\.");

    @TempDir
    Path dir;

    @Test
    void servesTheBundleToKubectl() throws Exception {
        ClusterStore store = SandboxFixtures.emptyCluster(100);
        store.create(Resources.PODS, PodStateFixtures.crashLooping("shop", "checkout-7d9c5", "node-1", 3));
        Path zip = dir.resolve("prod.zip");
        BundleExports.everything(store, "prod-eu", zip);
        Path kubeconfig = dir.resolve("bundle-kubeconfig.yaml");
        Process served = PodscopeProcess.start(Map.of(), List.of("sandbox", "--bundle", zip.toString(),
                "--kubeconfig", kubeconfig.toString(), "--port", "0"));
        try {
            CompletableFuture<String> err = KubectlBinary.readAsync(served.getErrorStream());
            BufferedReader out = new BufferedReader(new InputStreamReader(served.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            assertThat(ready).as("the first line; stderr so far: %s", err.getNow("")).isNotNull();
            Matcher matcher = READY.matcher(ready);
            assertThat(matcher.matches()).as("ready line: %s", ready).isTrue();
            assertThat(Path.of(matcher.group(2))).isEqualTo(kubeconfig.toAbsolutePath());

            Cli.Result pods = new KubectlBinary(dir.resolve("home"))
                    .run("--kubeconfig", kubeconfig.toString(), "get", "pods", "-A");
            assertThat(pods.exitCode()).as(pods.err()).isZero();
            assertThat(pods.out()).contains("checkout-7d9c5", "CrashLoopBackOff");

            assertThat(served.toHandle().destroy()).isTrue();
            assertThat(served.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s of SIGTERM").isTrue();
            assertThat(err.get(5, TimeUnit.SECONDS)).as("stderr").isEmpty();
        } finally {
            served.destroyForcibly();
        }
    }

    @Test
    void aFileThatIsNotABundleIsOneClearLine() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.zip"), "not a zip");
        Cli.Result result = Cli.run("sandbox", "--bundle", notes.toString(), "--kubeconfig",
                dir.resolve("k").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("error: notes.zip is not a Podscope bundle: it is not a zip file");
    }
}
