package dev.podscope.cli;

import dev.podscope.metrics.MetricsException;
import dev.podscope.metrics.MetricsReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code podscope top pods|nodes}: what {@code kubectl top} prints, byte for byte, from the cluster's
 * metrics.k8s.io API. Shared here: kubectl's checks and wording when metrics cannot be read.
 */
@Command(name = "top", description = "Show CPU and memory usage of pods or nodes, as `kubectl top` does.",
        subcommands = {TopPodsCommand.class, TopNodesCommand.class})
final class TopCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** {@code podscope top} alone: say what is missing, as picocli does for a missing argument. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: pods or nodes");
    }

    /** kubectl's first step: the group must be in discovery, else {@code error: Metrics API not available}. */
    static MetricsReader reader(ClusterConnection connection) {
        MetricsReader reader = new MetricsReader(connection.client(), connection.context());
        if (!reader.installed()) {
            throw new CliErrors.UserError("Metrics API not available");
        }
        return reader;
    }

    /**
     * A refusal from the server as kubectl words it ({@code Error from server (NotFound): ...}) on stderr, exit
     * code 1; anything else goes to the usual one-line error.
     */
    static int refused(MetricsException e) {
        if (e.serverReason() == null || e.serverMessage() == null) {
            throw e;
        }
        System.out.flush();
        System.err.println("Error from server (" + e.serverReason() + "): " + e.serverMessage());
        return 1;
    }
}
