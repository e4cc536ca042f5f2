package dev.podscope.sandbox.sim;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Containers and pod templates with the defaults the API server fills in, so they look like fetched objects. */
final class Templates {
    private static final Map<String, Quantity> QUANTITIES = new ConcurrentHashMap<>();

    private Templates() {
    }

    /** A typical service container: {@code http} and {@code metrics} ports, probes on http, requests and limits. */
    static V1Container service(String name, String image, int httpPort, V1ResourceRequirements resources) {
        return container(name, image)
                .ports(new ArrayList<>(List.of(port("http", httpPort), port("metrics", 9090))))
                .resources(resources)
                .readinessProbe(httpProbe("/readyz", "http", 3, 10))
                .livenessProbe(httpProbe("/healthz", "http", 10, 20));
    }

    static V1Container container(String name, String image) {
        return new V1Container().name(name).image(image)
                .imagePullPolicy(Images.normalize(image).endsWith(":latest") ? "Always" : "IfNotPresent")
                .terminationMessagePath("/dev/termination-log").terminationMessagePolicy("File");
    }

    static V1ContainerPort port(String name, int number) {
        return new V1ContainerPort().name(name).containerPort(number).protocol("TCP");
    }

    static V1Probe httpProbe(String path, String port, int initialDelay, int period) {
        return new V1Probe().httpGet(new V1HTTPGetAction().path(path).port(new IntOrString(port)).scheme("HTTP"))
                .initialDelaySeconds(initialDelay).periodSeconds(period)
                .timeoutSeconds(1).successThreshold(1).failureThreshold(3);
    }

    static V1ResourceRequirements resources(String cpuRequest, String memoryRequest, String cpuLimit,
                                            String memoryLimit) {
        Map<String, Quantity> requests = quantities(cpuRequest, memoryRequest);
        Map<String, Quantity> limits = quantities(cpuLimit, memoryLimit);
        return new V1ResourceRequirements().requests(requests.isEmpty() ? null : requests)
                .limits(limits.isEmpty() ? null : limits);
    }

    private static Map<String, Quantity> quantities(String cpu, String memory) {
        Map<String, Quantity> map = new LinkedHashMap<>();
        if (cpu != null) {
            map.put("cpu", quantity(cpu));
        }
        if (memory != null) {
            map.put("memory", quantity(memory));
        }
        return map;
    }

    /** Quantities are immutable and parsing them is slow; ten thousand pods share a handful of values. */
    private static Quantity quantity(String text) {
        return QUANTITIES.computeIfAbsent(text, Quantity::fromString);
    }

    static V1PodTemplateSpec template(Map<String, String> labels, String serviceAccount, V1Container... containers) {
        V1PodSpec spec = new V1PodSpec().containers(new ArrayList<>(List.of(containers)))
                .dnsPolicy("ClusterFirst").restartPolicy("Always").schedulerName(Scheduler.NAME)
                .securityContext(new V1PodSecurityContext()).terminationGracePeriodSeconds(30L)
                .serviceAccountName(serviceAccount);
        return new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(new LinkedHashMap<>(labels))).spec(spec);
    }

    static V1PodTemplateSpec withBehavior(V1PodTemplateSpec template, Behavior behavior) {
        template.getMetadata().putAnnotationsItem(Behavior.ANNOTATION, behavior.value());
        return template;
    }

    static Map<String, String> appLabels(String app) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", app);
        labels.put("app.kubernetes.io/name", app);
        return labels;
    }
}
