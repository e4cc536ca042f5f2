package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.NewObject;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NamespaceSpec;
import io.kubernetes.client.openapi.models.V1NamespaceStatus;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the cluster as it stands when the simulator starts, everything following from the seed. */
final class InitialPopulation {
    static final List<String> BASE_NAMESPACES = List.of("default", "kube-system", "shop", "batch", "data");
    static final int FIXED_PODS = SystemPods.COUNT + DemoApps.COUNT + ScenarioPods.COUNT
            + ProbeAndInitScenarios.COUNT + LostNode.PODS;
    private static final List<String> TEAMS = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot",
            "golf", "hotel", "india", "juliett", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec",
            "romeo", "sierra", "tango", "uniform", "victor", "whiskey", "xray", "yankee", "zulu");

    /**
     * The scenario pods by scenario, the pods the scheduler has to pick up once the simulator runs, and the pods the
     * kubelet goes on with, with the seconds until their next step.
     */
    record Result(Map<Scenario, PodRef> scenarioPods, List<PodRef> pending, Map<PodRef, Double> resumed) {
    }

    private InitialPopulation() {
    }

    static Result create(ClusterStore store, Naming naming, SimNodes nodes, SimulatorOptions options) {
        OffsetDateTime now = store.now();
        OffsetDateTime birth = now.minus(Duration.ofDays(naming.between(35, 60))).minusSeconds(naming.between(0, 86_399));
        List<String> namespaces = namespaceNames(options.namespaces());
        int podCapacity = Math.max(110, (int) Math.ceil(Math.max(options.pods(), FIXED_PODS) / 2.0 * 1.2));
        Map<String, String> nodeUids = new HashMap<>();
        List<NewObject<?>> batch = new ArrayList<>(options.pods() + options.pods() / 4 + 100);
        PopulationContext p = new PopulationContext(batch, naming, nodes, new SteadyState(naming, nodes), now, birth,
                nodeUids);
        for (NodeSpec spec : SimNodes.ALL) {
            V1Node node = NodeFactory.node(spec, naming, birth, now, podCapacity);
            nodeUids.put(spec.name(), node.getMetadata().getUid());
            p.create(Resources.NODES, node);
        }
        for (String name : namespaces) {
            p.create(Resources.NAMESPACES, namespace(p, name));
        }
        SystemPods.create(p);
        Map<Scenario, PodRef> scenarios = new EnumMap<>(Scenario.class);
        scenarios.putAll(DemoApps.create(p));
        List<PodRef> pending = new ArrayList<>();
        Map<PodRef, Double> resumed = new LinkedHashMap<>();
        ScenarioPods.create(p, scenarios, pending, resumed);
        DemoServices.create(p);
        List<String> appNamespaces = new ArrayList<>(namespaces);
        appNamespaces.remove("kube-system");
        FillerApps.create(p, appNamespaces, options.pods() - FIXED_PODS);
        ProbeAndInitScenarios.create(p, scenarios, pending);
        LostNode.create(p, scenarios, podCapacity);
        store.createAll(batch);
        return new Result(scenarios, pending, resumed);
    }

    static List<String> namespaceNames(int count) {
        List<String> names = new ArrayList<>(BASE_NAMESPACES);
        for (int i = 0; names.size() < count; i++) {
            String team = "team-" + TEAMS.get(i % TEAMS.size());
            names.add(i < TEAMS.size() ? team : team + "-" + (i / TEAMS.size() + 1));
        }
        return names;
    }

    private static V1Namespace namespace(PopulationContext p, String name) {
        boolean system = name.equals("default") || name.equals("kube-system");
        OffsetDateTime created = system ? p.birth() : p.between(p.birth().plusMinutes(10), p.birth().plusHours(1));
        return new V1Namespace().apiVersion("v1").kind("Namespace")
                .metadata(new V1ObjectMeta().name(name).uid(p.naming().uid()).creationTimestamp(created)
                        .labels(Map.of("kubernetes.io/metadata.name", name)))
                .spec(new V1NamespaceSpec().finalizers(List.of("kubernetes")))
                .status(new V1NamespaceStatus().phase("Active"));
    }
}
