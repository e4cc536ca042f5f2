package dev.podscope.kube;

import dev.podscope.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void unchangedLookingFileIsStillReReadAfterAMinuteLikeClientGo() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "aaaa\n");
        FileTime written = Files.getLastModifiedTime(file);
        TokenFile token = new TokenFile(file, null, clock).open("user \"u\"");
        assertThat(token.token()).isEqualTo("aaaa");

        // same size and modification time: nothing tells the change apart until the period has passed
        Files.writeString(file, "bbbb\n");
        Files.setLastModifiedTime(file, written);
        clock.advance(Duration.ofSeconds(59));
        assertThat(token.token()).isEqualTo("aaaa");
        clock.advance(Duration.ofSeconds(2));
        assertThat(token.token()).isEqualTo("bbbb");
    }

    @Test
    void aFailedReReadKeepsTheLastGoodToken() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "good");
        TokenFile token = new TokenFile(file, null, clock).open("user \"u\"");
        Files.writeString(file, "  \n");
        assertThat(token.token()).isEqualTo("good");
        Files.delete(file);
        assertThat(token.token()).isEqualTo("good");
    }

    @Test
    void staticTokenIsTheFallbackWhileTheFileIsMissing() throws Exception {
        Path file = dir.resolve("later");
        TokenFile token = new TokenFile(file, "static", clock).open("user \"u\"");
        assertThat(token.token()).isEqualTo("static");
        Files.writeString(file, "from-file");
        assertThat(token.token()).as("the file wins once readable, as in client-go").isEqualTo("from-file");

        assertThatThrownBy(() -> new TokenFile(dir.resolve("none"), null, clock).open("user \"u\""))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("unable to read tokenFile " + dir.resolve("none") + " for user \"u\": file not found");
    }
}
