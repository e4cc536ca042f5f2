package dev.podscope.cli;

import dev.podscope.bundle.BundleException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code podscope --bundle FILE.zip} hands the bundle to the desktop app; a bad bundle is one line and exit 1. */
class BundleOptionTest {

    @Test
    void theDesktopAppIsAskedToOpenTheBundle() {
        AtomicReference<DesktopOptions> asked = new AtomicReference<>();
        int code = PodscopeCommand.run(new String[] {"--bundle", "incident.zip", "--context", "dev"}, asked::set);
        assertThat(code).isZero();
        assertThat(asked.get().bundle()).isEqualTo(Path.of("incident.zip"));
        assertThat(asked.get().context()).isEqualTo("dev");
        assertThat(asked.get().sandbox()).isFalse();
    }

    @Test
    void aBundleTheAppCannotOpenIsOneLineOnStderr() {
        PrintStream err = System.err;
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int code;
        try (PrintStream captured = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            System.setErr(captured);
            code = PodscopeCommand.run(new String[] {"--bundle", "notes.zip"}, options -> {
                throw new BundleException("notes.zip is not a Podscope bundle: it is not a zip file");
            });
        } finally {
            System.setErr(err);
        }
        assertThat(code).isEqualTo(1);
        assertThat(errBytes.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("error: notes.zip is not a Podscope bundle: it is not a zip file");
    }
}
