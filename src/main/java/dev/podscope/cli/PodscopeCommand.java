package dev.podscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

@Command(name = "podscope", mixinStandardHelpOptions = true, version = "podscope 0.1.0",
        description = "Desktop Kubernetes cluster explorer. Without a command, opens the desktop app.",
        subcommands = {ContextsCommand.class, GetPodsCommand.class, LogsCommand.class, TopCommand.class, DescribeCommand.class,
                SandboxCommand.class, BenchCommand.class, BundleCommand.class,
                CommandLine.HelpCommand.class})
public final class PodscopeCommand implements Callable<Integer> {
    @Option(names = "--sandbox", description = "Open the built-in sandbox cluster, whatever the kubeconfig says.")
    boolean sandbox;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).")
    String kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Context to open first (default: current-context).")
    String context;

    @Option(names = "--exit-when-loaded", hidden = true,
            description = "Benchmark hook: print rows, heap and RSS once the first full pod table is shown, then quit.")
    boolean exitWhenLoaded;

    @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean verbose;

    private final Consumer<DesktopOptions> desktop;

    private PodscopeCommand(Consumer<DesktopOptions> desktop) {
        this.desktop = desktop;
    }

    /** Runs the command line; {@code desktop} opens the app (kept out of the CLI so the core stays free of JavaFX). */
    public static int run(String[] args, Consumer<DesktopOptions> desktop) {
        PodscopeCommand root = new PodscopeCommand(desktop);
        CommandLine line = new CommandLine(root);
        line.setExecutionExceptionHandler((e, cmd, parsed) ->
                new CliErrors(root.verbose).handleExecutionException(e, cmd, parsed));
        return line.execute(args);
    }

    @Override
    public Integer call() {
        desktop.accept(new DesktopOptions(sandbox, kubeconfig, context, exitWhenLoaded));
        return 0;
    }
}
