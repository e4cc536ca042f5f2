package dev.podscope.sandbox.containers;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Pod;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The commands a simulated container can exec: {@code cat}, {@code ls}, {@code env}/{@code printenv},
 * {@code echo}, {@code hostname}, {@code pwd}, {@code id}, {@code true}/{@code false}, {@code sleep},
 * {@code sh -c SCRIPT} (with {@code exit N}), and the health checks probes use ({@code redis-cli ping},
 * {@code grpc_health_probe}, {@code /healthcheck}). Anything else is "executable file not found", as runc says it.
 */
public final class SimulatedShell {
    private final V1Pod pod;
    private final Map<String, String> env;
    private final Map<String, String> files;

    public SimulatedShell(V1Pod pod, V1Container container) {
        this.pod = pod;
        this.env = environment(pod, container);
        this.files = ContainerFiles.of(pod, container);
    }

    /** Runs {@code argv} and returns its exit code. */
    public int run(List<String> argv, InputStream stdin, OutputStream stdout, OutputStream stderr)
            throws IOException, InterruptedException {
        PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        return command(argv, stdin, out, err, 0);
    }

    private int command(List<String> argv, InputStream stdin, PrintStream out, PrintStream err, int lastExit)
            throws IOException, InterruptedException {
        if (argv.isEmpty()) {
            return 0;
        }
        String name = argv.getFirst();
        String base = name.substring(name.lastIndexOf('/') + 1);
        List<String> args = argv.subList(1, argv.size());
        return switch (base) {
            case "sh", "bash", "ash", "dash" -> shell(args, stdin, out, err);
            case "exit" -> args.isEmpty() ? lastExit : parseExit(args.getFirst());
            case "true" -> 0;
            case "false" -> 1;
            case "echo" -> echo(args, out);
            case "cat" -> cat(args, stdin, out, err);
            case "ls" -> ls(args, out, err);
            case "env", "printenv" -> printEnv(args, out);
            case "hostname" -> line(out, pod.getMetadata().getName());
            case "pwd" -> line(out, "/");
            case "whoami" -> line(out, "root");
            case "id" -> line(out, "uid=0(root) gid=0(root) groups=0(root)");
            case "sleep" -> sleep(args);
            case "redis-cli" -> args.contains("ping") || args.contains("PING") ? line(out, "PONG") : line(out, "OK");
            case "grpc_health_probe" -> line(out, "status: SERVING");
            case "healthcheck", "healthcheck.sh" -> line(out, "healthy");
            default -> notFound(name, err);
        };
    }

    private int shell(List<String> args, InputStream stdin, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        if (args.size() < 2 || !args.getFirst().equals("-c")) {
            return args.isEmpty() ? 0 : notFound(args.getFirst(), err);
        }
        int exit = 0;
        for (ShellScript.Step step : ShellScript.parse(args.get(1))) {
            if (step.operator().equals("&&") && exit != 0 || step.operator().equals("||") && exit == 0) {
                continue;
            }
            int last = exit;
            List<String> words = step.words().stream().map(w -> ShellScript.expand(w, env, last)).toList();
            exit = command(words, stdin, out, err, last);
            if (words.getFirst().equals("exit")) {
                return exit;
            }
        }
        return exit;
    }

    private int echo(List<String> args, PrintStream out) {
        boolean newline = args.isEmpty() || !args.getFirst().equals("-n");
        String text = String.join(" ", newline ? args : args.subList(1, args.size()));
        out.print(newline ? text + "\n" : text);
        return 0;
    }

    private int cat(List<String> args, InputStream stdin, PrintStream out, PrintStream err) throws IOException {
        if (args.isEmpty()) {
            stdin.transferTo(out);
            return 0;
        }
        int exit = 0;
        for (String file : args) {
            String content = files.get(file);
            if (content == null) {
                err.print(ContainerFiles.isDirectory(files, file) ? "cat: read error: Is a directory\n"
                        : "cat: can't open '" + file + "': No such file or directory\n");
                exit = 1;
            } else {
                out.print(content);
            }
        }
        return exit;
    }

    private int ls(List<String> args, PrintStream out, PrintStream err) {
        List<String> paths = args.stream().filter(a -> !a.startsWith("-")).toList();
        String dir = paths.isEmpty() ? "/" : paths.getFirst();
        if (files.containsKey(dir)) {
            return line(out, dir);
        }
        List<String> entries = ContainerFiles.list(files, dir);
        if (entries.isEmpty()) {
            err.print("ls: " + dir + ": No such file or directory\n");
            return 1;
        }
        entries.forEach(out::println);
        return 0;
    }

    private int printEnv(List<String> args, PrintStream out) {
        if (!args.isEmpty()) {
            String value = env.get(args.getFirst());
            return value == null ? 1 : line(out, value);
        }
        env.forEach((k, v) -> out.print(k + "=" + v + "\n"));
        return 0;
    }

    private static int sleep(List<String> args) throws InterruptedException {
        double seconds = args.isEmpty() ? 0 : Double.parseDouble(args.getFirst().replace("s", ""));
        Thread.sleep((long) (Math.min(seconds, 3600) * 1000));
        return 0;
    }

    private static int line(PrintStream out, String text) {
        out.print(text + "\n");
        return 0;
    }

    private static int notFound(String name, PrintStream err) {
        err.print("OCI runtime exec failed: exec failed: unable to start container process: exec: \"" + name
                + "\": executable file not found in $PATH: unknown\n");
        return 126;
    }

    private static int parseExit(String text) {
        try {
            return Integer.parseInt(text.trim()) & 0xff;
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    /** The container's environment as the kubelet sets it: plain values only (never Secret data), plus defaults. */
    private static Map<String, String> environment(V1Pod pod, V1Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOSTNAME", pod.getMetadata().getName());
        if (container.getEnv() != null) {
            for (V1EnvVar var : container.getEnv()) {
                if (var.getValue() != null) {
                    env.put(var.getName(), var.getValue());
                }
            }
        }
        Map<String, String> services = new TreeMap<>();
        services.put("KUBERNETES_PORT", "tcp://10.96.0.1:443");
        services.put("KUBERNETES_PORT_443_TCP", "tcp://10.96.0.1:443");
        services.put("KUBERNETES_SERVICE_HOST", "10.96.0.1");
        services.put("KUBERNETES_SERVICE_PORT", "443");
        services.put("KUBERNETES_SERVICE_PORT_HTTPS", "443");
        env.putAll(services);
        env.put("HOME", "/root");
        return env;
    }
}
