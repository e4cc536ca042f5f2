package dev.podscope.sandbox.logs;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** CoreDNS with its {@code log} plugin on: its banner, then one line per query. */
final class CoreDnsStyle implements LogStyle {
    private static final List<String> NAMES = List.of("cart.shop.svc.cluster.local.", "redis.data.svc.cluster.local.",
            "postgres.data.svc.cluster.local.", "payments.shop.svc.cluster.local.", "kubernetes.default.svc.cluster.local.",
            "api.github.com.", "s3.example.com.");
    private static final String CONFIG_SHA512 = "591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5"
            + "f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908";
    private static final List<String> RESULTS = List.of("NOERROR qr,aa,rd", "NOERROR qr,aa,rd", "NOERROR qr,rd,ra",
            "NXDOMAIN qr,aa,rd");

    @Override
    public double linesPerSecond(ContainerRun run) {
        return 0.4;
    }

    @Override
    public List<String> startup(ContainerRun run, Instant at) {
        return List.of(".:53", "[INFO] plugin/reload: Running configuration SHA512 = " + CONFIG_SHA512,
                "CoreDNS-" + run.version().replaceFirst("^v", ""), "linux/amd64, go1.21.11, a6338e9");
    }

    @Override
    public String line(ContainerRun run, SplittableRandom random, Instant at) {
        String name = NAMES.get(random.nextInt(NAMES.size()));
        String type = random.nextInt(3) == 0 ? "AAAA" : "A";
        String client = "10.244." + random.nextInt(3) + "." + random.nextInt(2, 250) + ":"
                + random.nextInt(32_768, 60_999);
        return "[INFO] " + client + " - " + random.nextInt(1, 65_535) + " \"" + type + " IN " + name + " udp "
                + (name.length() + 18) + " false 512\" " + RESULTS.get(random.nextInt(RESULTS.size())) + " "
                + random.nextInt(90, 240) + " 0.000" + random.nextInt(100, 999) + "s";
    }

    @Override
    public List<String> stop(ContainerRun run, Instant at) {
        return List.of("[INFO] SIGTERM: Shutting down servers then terminating",
                "[INFO] plugin/health: Going into lameduck mode for 5s");
    }
}
