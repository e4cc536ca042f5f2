package dev.podscope.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podscope.bundle.redact.RedactionReport;
import dev.podscope.bundle.redact.Redactor;
import dev.podscope.format.WireJson;
import dev.podscope.probes.ProbeJournal;
import io.kubernetes.client.openapi.ApiClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Writes a diagnostic bundle (docs/bundle-format.md) of one context. The zip is streamed into a temporary file next
 * to the target and renamed onto it only when complete: a cancelled or failed export leaves nothing behind. Memory
 * stays bounded: lists are read a page at a time, logs are streamed, and only a few facts per pod of the current
 * namespace are kept.
 */
public final class BundleExporter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ApiClient client;
    private final String context;
    private final Clock clock;
    private final List<ProbeJournal.Entry> probeResults;

    public BundleExporter(ApiClient client, String context, Clock clock) {
        this(client, context, clock, List.of());
    }

    private BundleExporter(ApiClient client, String context, Clock clock, List<ProbeJournal.Entry> probeResults) {
        this.client = client;
        this.context = context;
        this.clock = clock;
        this.probeResults = List.copyOf(probeResults);
    }

    /** Also writes the probe checks run in this session (those on pods in scope) as probes/results.json. */
    public BundleExporter withProbeResults(List<ProbeJournal.Entry> results) {
        return new BundleExporter(client, context, clock, results);
    }

    public BundleResult export(BundleScope scope, Path target, BundleProgress progress, BooleanSupplier cancelled)
            throws IOException {
        Path file = target.toAbsolutePath();
        Path directory = file.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IOException("the folder " + directory + " does not exist");
        }
        Path temporary = Files.createTempFile(directory, "." + file.getFileName() + "-", ".part");
        boolean done = false;
        try {
            BundleResult result = write(scope, temporary, file, progress, cancelled);
            move(temporary, file);
            done = true;
            progress.report("Done: " + file.getFileName(), 1);
            return result;
        } finally {
            if (!done) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private BundleResult write(BundleScope scope, Path temporary, Path target, BundleProgress progress,
                               BooleanSupplier cancelled) throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String createdAt = WireJson.time(now);
        RedactionReport report = new RedactionReport();
        Redactor redactor = new Redactor(scope.userRules(), report);
        ApiReads api = new ApiReads(client, context);
        ExportRun run;
        try (BundleZip zip = new BundleZip(temporary)) {
            run = new ExportRun(scope, api, zip, redactor,
                    new LogCapture(client, redactor, temporary.getParent(), scope.logLimitBytes(), cancelled),
                    progress, cancelled, now, ProbeResultsFile.pods(probeResults));
            run.progress("Cluster version", 0);
            ObjectNode version = version(run);
            run.progress("Namespaces", 0.02);
            List<String> namespaces = namespaces(run);
            run.progress("Nodes", 0.04);
            clusterList(run, "cluster/nodes.json", "/api/v1/nodes", "NodeList");
            NamespaceCollector collector = new NamespaceCollector(run);
            for (int i = 0; i < namespaces.size(); i++) {
                run.checkCancelled();
                run.summary().namespace(namespaces.get(i));
                collector.collect(namespaces.get(i), 0.05 + 0.85 * i / namespaces.size(),
                        0.05 + 0.85 * (i + 1) / namespaces.size());
            }
            run.progress("Metrics", 0.9);
            new MetricsCollector(run).collect(namespaces);
            run.checkCancelled();
            ProbeResultsFile.write(run, probeResults);
            run.progress("Summary", 0.97);
            String serverVersion = version.path("gitVersion").asText("unknown");
            zip.write("summary.md", run.summary().markdown(context, createdAt, serverVersion)
                    .getBytes(StandardCharsets.UTF_8));
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("gitVersion", version.path("gitVersion").asText(null));
            server.put("platform", version.path("platform").asText(null));
            zip.writeUnlisted("manifest.json", Manifest.json(createdAt, context, server, scope, zip.files(),
                    run.missing(), report));
        }
        return new BundleResult(target, Files.size(temporary), run.summary().pods(), run.zip().files(),
                run.missing(), report.total());
    }

    private static ObjectNode version(ExportRun run) throws IOException {
        try {
            ObjectNode version = run.api().get("/version", Map.of());
            run.zip().write("cluster/version.json", MAPPER.writeValueAsBytes(version));
            return version;
        } catch (ApiReads.Refused refused) {
            run.missing("cluster/version.json", refused.reason());
            return MAPPER.createObjectNode();
        }
    }

    /** The namespaces in scope, written as cluster/namespaces.json (those the user may read). */
    private static List<String> namespaces(ExportRun run) throws IOException {
        BundleScope scope = run.scope();
        String path = "cluster/namespaces.json";
        ListFile file = new ListFile(run.zip(), path, "NamespaceList", "v1");
        if (scope.allNamespaces()) {
            List<String> names = new ArrayList<>();
            try {
                run.api().pages("/api/v1/namespaces", Map.of(), page -> {
                    file.start(page);
                    for (JsonNode namespace : page.path("items")) {
                        names.add(namespace.path("metadata").path("name").asText());
                        run.redactor().object((ObjectNode) namespace, path);
                        file.item(namespace);
                    }
                });
            } catch (ApiReads.Refused refused) {
                throw new IOException("cannot list the namespaces of context \"" + run.api().context()
                        + "\" for --all-namespaces (" + refused.reason() + "); name them with -n instead");
            }
            file.finish();
            return names;
        }
        Set<String> names = new LinkedHashSet<>(scope.namespaces());
        scope.pods().forEach(pod -> names.add(pod.namespace()));
        for (String name : names) {
            try {
                ObjectNode namespace = run.api().get("/api/v1/namespaces/" + name, Map.of());
                run.redactor().object(namespace, path);
                file.item(namespace);
            } catch (ApiReads.Refused refused) {
                run.missing(path + "#" + name, refused.reason());
            }
        }
        file.finish();
        return List.copyOf(names);
    }

    private static void clusterList(ExportRun run, String path, String apiPath, String kind) throws IOException {
        ListFile file = new ListFile(run.zip(), path, kind, "v1");
        try {
            run.api().pages(apiPath, Map.of(), page -> {
                file.start(page);
                for (JsonNode item : page.path("items")) {
                    run.redactor().object((ObjectNode) item, path);
                    file.item(item);
                }
            });
            file.finish();
        } catch (ApiReads.Refused refused) {
            if (file.started()) {
                file.finish();
            }
            run.missing(path, refused.reason());
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
