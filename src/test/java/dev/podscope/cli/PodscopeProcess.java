package dev.podscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** podscope as its own process: this JVM's java and test class path running {@code dev.podscope.app.Main}. */
final class PodscopeProcess {
    private PodscopeProcess() {
    }

    /** Starts podscope with {@code env} added to an environment without KUBECONFIG. */
    static Process start(Map<String, String> env, List<String> args) throws IOException {
        return start(env, null, args);
    }

    /** As {@link #start(Map, List)}, with the JVM's {@code user.home} (which ignores $HOME) set when not null. */
    static Process start(Map<String, String> env, Path home, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xshare:auto"));
        if (home != null) {
            command.add("-Duser.home=" + home);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.podscope.app.Main"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("KUBECONFIG");
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs podscope to the end. */
    static Cli.Result run(Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        return run(env, null, args);
    }

    static Cli.Result run(Map<String, String> env, Path home, List<String> args) throws IOException, InterruptedException {
        Process process = start(env, home, args);
        process.getOutputStream().close();
        var out = KubectlBinary.readAsync(process.getInputStream());
        var err = KubectlBinary.readAsync(process.getErrorStream());
        return new Cli.Result(process.waitFor(), out.join(), err.join());
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
