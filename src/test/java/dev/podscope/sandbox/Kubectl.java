package dev.podscope.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The real kubectl binary, run against a sandbox kubeconfig with its own HOME and discovery cache. */
final class Kubectl {
    private static final Path BINARY = Path.of("/usr/bin/kubectl");
    private static final Duration LIMIT = Duration.ofSeconds(60);

    record Result(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private final Path kubeconfig;
    private final Path home;

    Kubectl(Path kubeconfig, Path home) throws IOException {
        this.kubeconfig = kubeconfig;
        this.home = Files.createDirectories(home);
    }

    Result run(String... args) throws IOException, InterruptedException {
        Process process = start(args);
        process.getOutputStream().close();
        var out = readAsync(process.getInputStream());
        var err = readAsync(process.getErrorStream());
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("kubectl " + String.join(" ", args) + " did not finish within " + LIMIT);
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    Result apply(String manifest) throws IOException, InterruptedException {
        Path file = Files.writeString(Files.createTempFile(home, "manifest", ".yaml"), manifest);
        return run("apply", "-f", file.toString());
    }

    /** Starts kubectl without waiting, for commands that stream (get -w) or wait (delete). */
    Process start(String... args) throws IOException {
        return start(java.util.Map.of(), args);
    }

    /** Starts kubectl with extra environment variables (feature switches such as KUBECTL_PORT_FORWARD_WEBSOCKETS). */
    Process start(java.util.Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--kubeconfig", kubeconfig.toString(),
                "--cache-dir", home.resolve("cache").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("KUBECONFIG");
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The lines a running kubectl prints, delivered as they come. */
    static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("<output ended: " + e.getMessage() + ">");
            }
        });
        return lines;
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        var result = new CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
