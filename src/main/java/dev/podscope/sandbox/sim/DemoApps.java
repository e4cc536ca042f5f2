package dev.podscope.sandbox.sim;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1ExecAction;
import io.kubernetes.client.openapi.models.V1GRPCAction;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1TCPSocketAction;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The healthy demo applications: a web tier, a shop with a sidecar-carrying frontend, a cart and a gRPC inventory
 * service, a cache, and a TCP echo service. Their ports are served in the sandbox ({@code http}: HTTP, {@code echo}:
 * TCP echo, {@code grpc}: gRPC health), reachable through pods/portforward; each has a Service ({@link DemoServices}).
 */
final class DemoApps {
    static final int COUNT = 3 + 2 + 2 + 1 + 1 + 1;

    private DemoApps() {
    }

    /** Creates the apps and returns the scenario pods among them. */
    static Map<Scenario, PodRef> create(PopulationContext p) {
        var web = SteadyDeployments.create(p, "default", "web", 3, () -> Templates.template(
                Templates.appLabels("web"), "default",
                Templates.service("nginx", "nginx:1.27.3", 80, Templates.resources("50m", "64Mi", "250m", "128Mi"))));
        var frontend = SteadyDeployments.create(p, "shop", "frontend", 2, DemoApps::frontend);
        SteadyDeployments.create(p, "shop", "cart", 2, () -> Templates.template(Templates.appLabels("cart"), "cart",
                Templates.service("cart", "registry.example.com/shop/cart:v1.8.0", 8080,
                        Templates.resources("100m", "128Mi", "500m", "256Mi")).env(DemoConfig.cartEnv())));
        SteadyDeployments.create(p, "data", "redis", 1, DemoApps::redis);
        SteadyDeployments.create(p, "shop", "inventory", 1, DemoApps::inventory);
        SteadyDeployments.create(p, "default", "echo", 1, DemoApps::echo);
        return Map.of(Scenario.RUNNING, ref(web.getFirst()), Scenario.SIDECAR, ref(frontend.getFirst()));
    }

    private static V1PodTemplateSpec frontend() {
        V1VolumeMount logs = new V1VolumeMount().name("logs").mountPath("/var/log/frontend");
        V1Container app = Templates.service("frontend", "registry.example.com/shop/frontend:v2.4.1", 8080,
                Templates.resources("100m", "128Mi", "1", "256Mi")).volumeMounts(new ArrayList<>(List.of(logs)));
        V1Container shipper = Templates.container("log-shipper", "fluent/fluent-bit:3.2.4").restartPolicy("Always")
                .resources(Templates.resources("20m", "32Mi", null, "64Mi"))
                .volumeMounts(new ArrayList<>(List.of(new V1VolumeMount().name("logs").mountPath("/var/log/frontend")
                        .readOnly(true))));
        V1PodTemplateSpec t = Templates.template(Templates.appLabels("frontend"), "frontend", app);
        t.getSpec().initContainers(new ArrayList<>(List.of(shipper)))
                .volumes(new ArrayList<>(List.of(new V1Volume().name("logs").emptyDir(new V1EmptyDirVolumeSource()))));
        return t;
    }

    private static V1PodTemplateSpec redis() {
        V1Probe ping = new V1Probe().exec(new V1ExecAction().command(List.of("redis-cli", "ping")))
                .initialDelaySeconds(5).periodSeconds(10).timeoutSeconds(1).successThreshold(1).failureThreshold(3);
        V1Container redis = Templates.container("redis", "redis:7.4.1-alpine")
                .ports(List.of(Templates.port("redis", 6379), Templates.port("metrics", 9121)))
                .resources(Templates.resources("100m", "256Mi", null, "512Mi"))
                .readinessProbe(ping).livenessProbe(ping);
        return Templates.template(Templates.appLabels("redis"), "default", redis);
    }

    /** A gRPC service whose readiness is the kubelet's gRPC health probe. */
    private static V1PodTemplateSpec inventory() {
        V1Probe grpc = new V1Probe().grpc(new V1GRPCAction().port(50051).service(""))
                .initialDelaySeconds(2).periodSeconds(10).timeoutSeconds(1).successThreshold(1).failureThreshold(3);
        V1Container app = Templates.container("inventory", "registry.example.com/shop/inventory:v1.3.2")
                .ports(new ArrayList<>(List.of(Templates.port("grpc", 50051), Templates.port("metrics", 9090))))
                .resources(Templates.resources("100m", "128Mi", "500m", "256Mi"))
                .readinessProbe(grpc).livenessProbe(grpc);
        return Templates.template(Templates.appLabels("inventory"), "inventory", app);
    }

    /** A TCP echo server, checked with a tcpSocket probe. */
    private static V1PodTemplateSpec echo() {
        V1Probe tcp = new V1Probe().tcpSocket(new V1TCPSocketAction().port(new IntOrString("echo")))
                .initialDelaySeconds(1).periodSeconds(10).timeoutSeconds(1).successThreshold(1).failureThreshold(3);
        V1Container app = Templates.container("echo", "registry.example.com/tools/tcp-echo:1.2.0")
                .ports(new ArrayList<>(List.of(Templates.port("echo", 7))))
                .resources(Templates.resources("10m", "16Mi", null, "32Mi"))
                .readinessProbe(tcp);
        return Templates.template(Templates.appLabels("echo"), "default", app);
    }

    static PodRef ref(io.kubernetes.client.openapi.models.V1Pod pod) {
        return new PodRef(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
    }
}
