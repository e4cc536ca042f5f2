package dev.podscope.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the commands the benchmark compares, each as a fresh process with its own temp HOME (kubectl's cache). */
final class BenchProcess {
    static final String LOADED_MARKER = "podscope-loaded";
    private static final String HEADLESS = "-Dglass.platform=Headless -Dprism.order=sw -Djava.awt.headless=true";
    private final Path home;

    BenchProcess(Path home) {
        this.home = home;
    }

    /**
     * podscope as a user starts it: the app image's launcher when the benchmark runs from one (its JVM options and
     * class-data archive included), otherwise this JVM with its class path.
     */
    List<String> podscope(List<String> args) {
        return podscope(List.of(), args);
    }

    /** podscope with extra JVM options (ignored when running from the app image's launcher). */
    List<String> podscope(List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher != null) {
            cmd.add(launcher);
        } else {
            cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"));
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.podscope.app.Main"));
        }
        cmd.addAll(args);
        return cmd;
    }

    /**
     * podscope in a plain JVM with the default JIT, also when the benchmark runs from the app image (its runtime has
     * bin/java): for a sandbox that stands in for a remote API server, which should not be slowed down by the
     * launcher's desktop-oriented JVM options.
     */
    List<String> plainJvm(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.podscope.app.Main"));
        cmd.addAll(args);
        return cmd;
    }

    /** Starts {@code cmd} and returns it once a line of its output starts with {@code ready}; the rest is discarded. */
    Process startUntil(List<String> cmd, String ready) throws IOException {
        Process process = start(cmd, errors());
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(ready)) {
                Thread.ofPlatform().daemon().name("bench-drain").start(() -> {
                    try (out) {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the process has gone: nothing more to drain
                    }
                });
                return process;
            }
        }
        process.destroy();
        throw new IllegalStateException("no \"" + ready + "\" from " + String.join(" ", cmd));
    }

    String output(List<String> cmd) throws IOException, InterruptedException {
        Process process = start(cmd, errors());
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        expectSuccess(cmd, process.waitFor());
        return out;
    }

    Timing time(List<String> cmd, int runs) throws IOException, InterruptedException {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Process process = start(cmd, errors());
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            expectSuccess(cmd, process.waitFor());
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        return Timing.of(seconds);
    }

    /** Runs the desktop app on JavaFX's headless platform (no display needed) until it reports a full table. */
    AppLoad appLoad(List<String> cmd) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder builder = builder(cmd, errors());
        builder.environment().put("JAVA_TOOL_OPTIONS", HEADLESS);
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(LOADED_MARKER)) {
                    AppLoad load = AppLoad.parse(line, (System.nanoTime() - start) / 1e9);
                    process.waitFor();
                    return load;
                }
            }
        }
        expectSuccess(cmd, process.waitFor());
        throw new IllegalStateException("the app exited without reporting a loaded table: " + String.join(" ", cmd));
    }

    private Process start(List<String> cmd, ProcessBuilder.Redirect stderr) throws IOException {
        return builder(cmd, stderr).start();
    }

    /** A process with its own HOME, no KUBECONFIG and none of the app-image launcher's marks. */
    ProcessBuilder builder(List<String> cmd, ProcessBuilder.Redirect stderr) {
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectError(stderr);
        Map<String, String> env = builder.environment();
        env.put("HOME", home.toString());
        env.remove("KUBECONFIG");
        env.remove("JAVA_TOOL_OPTIONS");
        // the app-image launcher marks its own process so that a re-exec goes straight to the JVM; a child launcher
        // that inherited the mark would take "get pods" for a main class
        env.keySet().removeIf(name -> name.contains("JPACKAGE"));
        return builder;
    }

    private ProcessBuilder.Redirect errors() {
        return ProcessBuilder.Redirect.to(home.resolve("stderr.txt").toFile());
    }

    private void expectSuccess(List<String> cmd, int code) throws IOException {
        if (code != 0) {
            String stderr = java.nio.file.Files.readString(home.resolve("stderr.txt"), StandardCharsets.UTF_8).strip();
            throw new IllegalStateException("exit code " + code + " from " + String.join(" ", cmd) + ": " + stderr);
        }
    }
}
