package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1LoadBalancerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.kubernetes.client.openapi.models.V1ServiceStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * ClusterIP Services in front of the demo Deployments, with named target ports as real charts write them. Their
 * Endpoints and EndpointSlices follow the pods ({@link EndpointsController}).
 */
final class DemoServices {
    private DemoServices() {
    }

    static void create(PopulationContext p) {
        service(p, "default", "web", port("http", 80, "http"));
        service(p, "default", "echo", port("echo", 7, "echo"));
        service(p, "shop", "frontend", port("http", 80, "http"));
        service(p, "shop", "cart", port("http", 8080, "http"));
        service(p, "shop", "inventory", port("grpc", 50051, "grpc"));
        service(p, "shop", "recommendations", port("http", 8080, "http"));
        service(p, "data", "redis", port("redis", 6379, "redis"));
    }

    private static V1ServicePort port(String name, int port, String targetPort) {
        return new V1ServicePort().name(name).port(port).targetPort(new IntOrString(targetPort)).protocol("TCP");
    }

    private static void service(PopulationContext p, String namespace, String name, V1ServicePort... ports) {
        String ip = "10.96." + p.naming().between(1, 254) + "." + p.naming().between(2, 254);
        OffsetDateTime created = p.birth().plusHours(3).plusMinutes(p.naming().between(0, 59));
        V1Service service = new V1Service().apiVersion("v1").kind("Service")
                .metadata(new V1ObjectMeta().namespace(namespace).name(name).uid(p.naming().uid())
                        .creationTimestamp(created).labels(Templates.appLabels(name)))
                .spec(new V1ServiceSpec().type("ClusterIP").clusterIP(ip).clusterIPs(List.of(ip))
                        .ipFamilies(List.of("IPv4")).ipFamilyPolicy("SingleStack").sessionAffinity("None")
                        .internalTrafficPolicy("Cluster").selector(Map.of("app", name)).ports(List.of(ports)))
                .status(new V1ServiceStatus().loadBalancer(new V1LoadBalancerStatus()));
        p.create(Resources.SERVICES, service);
    }
}
