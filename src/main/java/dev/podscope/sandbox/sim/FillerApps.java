package dev.podscope.sandbox.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Healthy Deployments that bring the cluster up to the requested pod count, spread round-robin over the
 * application namespaces. Larger clusters get larger Deployments rather than thousands of tiny ones.
 */
final class FillerApps {
    private static final List<String> WORDS = List.of("api", "auth", "billing", "catalog", "search", "notifications",
            "gateway", "inventory", "reviews", "analytics", "mailer", "ledger", "pricing", "shipping", "profile",
            "session", "audit", "media", "thumbnailer", "webhooks", "ingest", "reporting", "geo", "feature-flags",
            "rates", "invoices", "tracking", "loyalty", "orders", "accounts");
    private static final List<String> SUFFIXES = List.of("", "-worker", "-api", "-consumer", "-sync", "-cache",
            "-proxy");
    /** Names the demo and scenario apps already use, kept free so filler never collides with them. */
    private static final Set<String> RESERVED = Set.of("web", "frontend", "cart", "checkout", "payments",
            "recommendations", "redis", "coredns", "inventory", "echo");

    private final PopulationContext p;
    private final Map<String, Set<String>> used = new HashMap<>();

    private FillerApps(PopulationContext p) {
        this.p = p;
    }

    static void create(PopulationContext p, List<String> namespaces, int pods) {
        if (pods <= 0 || namespaces.isEmpty()) {
            return;
        }
        new FillerApps(p).fill(namespaces, pods);
    }

    private void fill(List<String> namespaces, int pods) {
        int perNamespace = (pods + namespaces.size() - 1) / namespaces.size();
        int maxReplicas = Math.clamp(perNamespace / 10, 3, 40);
        int remaining = pods;
        for (int i = 0; remaining > 0; i++) {
            String namespace = namespaces.get(i % namespaces.size());
            String name = freshName(namespace);
            int replicas = Math.min(remaining, p.naming().between(1, maxReplicas));
            String image = "registry.example.com/" + namespace + "/" + name + ":v" + p.naming().between(1, 4) + "."
                    + p.naming().between(0, 24) + "." + p.naming().between(0, 9);
            String cpu = p.naming().pick(List.of("50m", "100m", "150m", "250m"));
            String memory = p.naming().pick(List.of("64Mi", "128Mi", "256Mi", "512Mi"));
            String memoryLimit = p.naming().pick(List.of("256Mi", "512Mi", "1Gi"));
            SteadyDeployments.create(p, namespace, name, replicas, () -> Templates.template(
                    Templates.appLabels(name), "default",
                    Templates.service(name, image, 8080, Templates.resources(cpu, memory, null, memoryLimit))));
            remaining -= replicas;
        }
    }

    private String freshName(String namespace) {
        Set<String> names = used.computeIfAbsent(namespace, n -> new HashSet<>(RESERVED));
        for (int attempt = 0; attempt < 50; attempt++) {
            String name = p.naming().pick(WORDS) + p.naming().pick(SUFFIXES);
            if (names.add(name)) {
                return name;
            }
        }
        String name;
        int n = names.size();
        do {
            name = p.naming().pick(WORDS) + "-" + n++;
        } while (!names.add(name));
        return name;
    }
}
