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
    private final Path home;

    BenchProcess(Path home) {
        this.home = home;
    }

    /** This JVM's launcher and class path running podscope's Main, as the jpackage launcher would. */
    List<String> podscope(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(javaCommand(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.podscope.app.Main"));
        cmd.addAll(args);
        return cmd;
    }

    List<String> podscopeHeadless(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(javaCommand(), "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-Dglass.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "dev.podscope.app.Main"));
        cmd.addAll(args);
        return cmd;
    }

    String output(List<String> cmd) throws IOException, InterruptedException {
        Process process = start(cmd, ProcessBuilder.Redirect.DISCARD);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        expectSuccess(cmd, process.waitFor());
        return out;
    }

    Timing time(List<String> cmd, int runs) throws IOException, InterruptedException {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Process process = start(cmd, ProcessBuilder.Redirect.DISCARD);
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            expectSuccess(cmd, process.waitFor());
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        return Timing.of(seconds);
    }

    AppLoad appLoad(List<String> cmd) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = start(cmd, ProcessBuilder.Redirect.DISCARD);
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
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectError(stderr);
        Map<String, String> env = builder.environment();
        env.put("HOME", home.toString());
        env.remove("KUBECONFIG");
        return builder.start();
    }

    private static void expectSuccess(List<String> cmd, int code) {
        if (code != 0) {
            throw new IllegalStateException("exit code " + code + " from " + String.join(" ", cmd));
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
