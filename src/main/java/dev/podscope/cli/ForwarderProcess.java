package dev.podscope.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A port-forwarding process under benchmark (kubectl port-forward, or Podscope's forward in its own JVM): started,
 * its "Forwarding from 127.0.0.1:LOCAL -> REMOTE" lines read to learn the local ports, its further output drained
 * (kubectl prints a line per connection and would block on a full pipe), its CPU time read, and stopped.
 */
final class ForwarderProcess implements AutoCloseable {
    private static final Pattern FORWARDING = Pattern.compile("Forwarding from 127\\.0\\.0\\.1:(\\d+) -> (\\d+)");

    private final String name;
    private final Process process;
    private final Map<Integer, Integer> localPorts = new HashMap<>();

    private ForwarderProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /** Starts {@code command} and waits until it listens for every one of {@code remotePorts}. */
    static ForwarderProcess start(String name, List<String> command, Path home, List<Integer> remotePorts)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.to(home.resolve(name + "-stderr.txt").toFile()));
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("KUBECONFIG");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        ForwarderProcess forwarder = new ForwarderProcess(name, builder.start());
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("bench-" + name + "-output").start(() -> forwarder.read(remotePorts, listening));
        try {
            listening.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            forwarder.close();
            throw new IllegalStateException(name + " did not start forwarding within 60 s: see "
                    + home.resolve(name + "-stderr.txt"));
        }
        return forwarder;
    }

    private void read(List<Integer> remotePorts, CompletableFuture<Void> listening) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = FORWARDING.matcher(line);
                if (m.find()) {
                    synchronized (localPorts) {
                        localPorts.put(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                        if (localPorts.keySet().containsAll(remotePorts)) {
                            listening.complete(null);
                        }
                    }
                }
            }
        } catch (IOException stopped) {
            // the process ended
        }
        listening.completeExceptionally(new IOException(name + " exited"));
    }

    String name() {
        return name;
    }

    int localPort(int remotePort) {
        synchronized (localPorts) {
            return localPorts.get(remotePort);
        }
    }

    /** CPU time the process has used so far (user and system). */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
