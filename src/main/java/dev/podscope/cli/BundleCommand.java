package dev.podscope.cli;

import picocli.CommandLine.Command;

/** {@code podscope bundle}: diagnostic bundles. */
@Command(name = "bundle", description = "Diagnostic bundles: export a redacted snapshot of a cluster to a zip.",
        subcommands = BundleExportCommand.class)
final class BundleCommand {
}
