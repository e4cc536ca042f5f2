package dev.podscope.cli;

import dev.podscope.bundle.BundleCancelledException;
import dev.podscope.bundle.BundleExporter;
import dev.podscope.bundle.BundleResult;
import dev.podscope.bundle.BundleScope;
import dev.podscope.bundle.ByteSizes;
import dev.podscope.bundle.LogSelection;
import dev.podscope.bundle.redact.UserRules;
import dev.podscope.logs.GoDuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code podscope bundle export}: a redacted diagnostic bundle of namespaces or a whole context. */
@Command(name = "export", description = "Write a diagnostic bundle (zip) of some namespaces or all of them; secrets redacted.")
final class BundleExportCommand implements Callable<Integer> {
    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace to collect (repeatable; default: the context's).")
    List<String> namespaces = new ArrayList<>();

    @Option(names = {"-A", "--all-namespaces"}, description = "Collect every namespace.")
    boolean allNamespaces;

    @Mixin
    ConnectionOptions cluster;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Only objects with these labels, e.g. app=cart.")
    String selector;

    @Option(names = "--since", paramLabel = "DURATION", description = "Only log lines newer than this, e.g. 1h, 30m.")
    String since;

    @Option(names = "--logs", paramLabel = "WHICH", description = "Logs of all pods, only unhealthy ones, or none (default: ${DEFAULT-VALUE}).")
    String logs = "all";

    @Option(names = "--log-limit", paramLabel = "SIZE", description = "Cap of each log; its tail is kept (default: ${DEFAULT-VALUE}).")
    String logLimit = "10MB";

    @Option(names = "--configmap-data", description = "Include ConfigMap data (values under sensitive keys stay masked).")
    boolean configMapData;

    @Option(names = "--redact-rules", paramLabel = "FILE", description = "YAML file of extra redaction rules (regex, files, replacement).")
    Path redactRules;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.zip", description = "Bundle file (default: podscope-bundle-<context>-<time>.zip).")
    Path output;

    @Option(names = "--stats", hidden = true, description = "Benchmark hook: print time, peak heap and pod count.")
    boolean stats;

    @Override
    public Integer call() throws Exception {
        if (allNamespaces && !namespaces.isEmpty()) {
            throw new CliErrors.UserError("use either -n NAMESPACE or -A, not both");
        }
        BundleScope scope = scope();
        ClusterConnection connection = cluster.open();
        if (!allNamespaces && namespaces.isEmpty()) {
            scope = BundleScope.namespaces(List.of(connection.namespace())).withLabelSelector(scope.labelSelector())
                    .withSince(scope.since()).withLogs(scope.logs()).withLogLimit(scope.logLimitBytes())
                    .withConfigMapData(scope.configMapData()).withUserRules(scope.userRules());
        }
        Path target = output != null ? output : Path.of("podscope-bundle-" + connection.context().replaceAll("[^A-Za-z0-9._-]", "_")
                + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip");
        HeapWatch heap = stats ? HeapWatch.start() : null;
        long start = System.nanoTime();
        TerminalProgress progress = new TerminalProgress(System.err);
        BundleResult result;
        try {
            result = new BundleExporter(connection.client(), connection.context(), Clock.systemUTC())
                    .export(scope, target, progress, () -> false);
        } catch (BundleCancelledException e) {
            throw new CliErrors.UserError(e.getMessage());
        } finally {
            progress.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Wrote %s: %s, %d pods, %d files, %d values redacted, %d items not collected%n",
                result.file(), ByteSizes.format(result.bytes()), result.pods(), result.files().size(),
                result.redactions(), result.missing().size());
        result.missing().forEach(m -> System.out.println("  not collected: " + m.path() + " (" + m.reason() + ")"));
        if (heap != null) {
            System.out.printf("bundle-stats pods=%d seconds=%.2f peakHeapAfterGcMb=%d peakHeapMb=%d bytes=%d%n",
                    result.pods(), seconds, heap.peakAfterGcMb(), heap.peakUsedMb(), result.bytes());
        }
        return 0;
    }

    private BundleScope scope() {
        BundleScope scope = allNamespaces ? BundleScope.everyNamespace()
                : BundleScope.namespaces(namespaces.isEmpty() ? List.of("default") : namespaces);
        try {
            Duration sinceDuration = since == null ? null : Duration.ofSeconds(GoDuration.roundedSeconds(since));
            scope = scope.withLabelSelector(selector).withSince(sinceDuration).withLogs(LogSelection.parse(logs))
                    .withLogLimit(ByteSizes.parse(logLimit)).withConfigMapData(configMapData);
        } catch (IllegalArgumentException e) {
            throw new CliErrors.UserError(e.getMessage().startsWith("time:") ? "--since: " + e.getMessage() : e.getMessage());
        }
        if (redactRules != null) {
            try {
                scope = scope.withUserRules(UserRules.load(redactRules));
            } catch (UserRules.RedactionRulesException e) {
                throw new CliErrors.UserError(e.getMessage());
            }
        }
        return scope;
    }
}
