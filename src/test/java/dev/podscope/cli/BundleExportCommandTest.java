package dev.podscope.cli;

import dev.podscope.sandbox.Canaries;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.sim.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code podscope bundle export} against the simulated sandbox: the zip, the progress lines and the errors. */
class BundleExportCommandTest {
    @TempDir
    static Path dir;
    private static Sandbox sandbox;
    private static Path kubeconfig;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(0, new SimulatorOptions().withChurn(false));
        kubeconfig = sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void writesARedactedBundleAndReportsProgressOnStderr() throws IOException {
        Path zip = dir.resolve("shop.zip");
        Cli.Result result = Cli.run("bundle", "export", "-n", "shop", "--kubeconfig", kubeconfig.toString(),
                "--log-limit", "1MB", "--since", "2h", "-o", zip.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Wrote " + zip.toAbsolutePath() + ": ").contains(" pods, ", " values redacted");
        // not a terminal: plain lines, one per kind of step, ending with Done
        assertThat(result.err().lines().toList()).contains("[  0%] Cluster version").anyMatch(l -> l.contains("] Logs of shop/"))
                .last().isEqualTo("[100%] Done: shop.zip");
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(text).as(e.getName()).doesNotContain(Canaries.ALL.toArray(String[]::new));
            }
        }
        assertThat(entries).contains("manifest.json", "summary.md", "namespaces/shop/pods.json")
                .anyMatch(p -> p.startsWith("logs/shop/"));
    }

    @Test
    void badOptionsAreClearErrors() {
        String[] base = {"bundle", "export", "--kubeconfig", kubeconfig.toString(), "-o", dir.resolve("x.zip").toString()};
        assertThat(error(base, "--logs", "some")).isEqualTo("error: --logs must be all, unhealthy or none, not \"some\"");
        assertThat(error(base, "--log-limit", "lots")).startsWith("error: not a size: \"lots\"");
        assertThat(error(base, "--since", "yesterday")).isEqualTo("error: --since: time: invalid duration \"yesterday\"");
        assertThat(error(base, "-A", "-n", "shop")).isEqualTo("error: use either -n NAMESPACE or -A, not both");
        assertThat(error(base, "--redact-rules", dir.resolve("none.yaml").toString()))
                .isEqualTo("error: redaction rules file not found: " + dir.resolve("none.yaml"));
        assertThat(error(base, "--context", "nope")).contains("nope");
        assertThat(Cli.run("bundle", "export", "--kubeconfig", kubeconfig.toString(), "-o",
                dir.resolve("missing-dir/x.zip").toString()).err().strip())
                .isEqualTo("error: the folder " + dir.resolve("missing-dir") + " does not exist");
        assertThat(dir.resolve("x.zip")).doesNotExist();
    }

    private static String error(String[] base, String... more) {
        List<String> args = new ArrayList<>(List.of(base));
        args.addAll(List.of(more));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).isEqualTo(1);
        return result.err().strip();
    }
}
