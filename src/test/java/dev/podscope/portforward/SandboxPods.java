package dev.podscope.portforward;

import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.sim.SimulatorOptions;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.Config;

import java.io.IOException;
import java.io.StringReader;
import java.util.concurrent.TimeUnit;

/** A simulated sandbox cluster (demo apps with served ports) and the names of its pods, for stream tests. */
public final class SandboxPods {
    private SandboxPods() {
    }

    public static Sandbox start() {
        SimulatorOptions defaults = new SimulatorOptions();
        // no rolling restarts: a test's pod must stay until the test deletes it
        return Sandbox.start(0, new SimulatorOptions(defaults.seed(), defaults.pods(), defaults.namespaces(), 0.2, false));
    }

    public static ApiClient client(Sandbox sandbox) throws IOException {
        ApiClient client = Config.fromConfig(new StringReader(sandbox.kubeconfigYaml()));
        client.setHttpClient(client.getHttpClient().newBuilder().readTimeout(0, TimeUnit.SECONDS).build());
        return client;
    }

    /** The first Running and Ready pod whose name starts with {@code prefix + "-"} in {@code namespace}. */
    public static V1Pod ready(Sandbox sandbox, String namespace, String prefix) {
        return sandbox.store().list(Resources.PODS, namespace).items().stream().map(StoredObject::object)
                .filter(p -> p.getMetadata().getName().startsWith(prefix + "-"))
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .filter(p -> p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
                        .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True")))
                .findFirst().orElseThrow(() -> new AssertionError("no ready " + prefix + " pod in " + namespace));
    }

    public static String name(V1Pod pod) {
        return pod.getMetadata().getName();
    }
}
