package dev.podscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The real kubectl, with a private HOME and discovery cache, for comparing podscope's output with it. */
final class KubectlBinary {
    private static final String BINARY = "/usr/bin/kubectl";

    private final Path home;

    KubectlBinary(Path home) throws IOException {
        this.home = Files.createDirectories(home);
    }

    Cli.Result run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs kubectl with {@code env} added to a clean environment (no KUBECONFIG unless given). */
    Cli.Result run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(BINARY, "--cache-dir", home.resolve("cache").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("KUBECONFIG");
        builder.environment().put("HOME", home.toString());
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = readAsync(process.getInputStream());
            CompletableFuture<String> err = readAsync(process.getErrorStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl " + String.join(" ", args) + " did not finish");
            }
            return new Cli.Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads a whole stream on its own thread, so that a full stderr pipe cannot block the process. */
    static CompletableFuture<String> readAsync(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(e);
            }
        });
        return text;
    }
}
