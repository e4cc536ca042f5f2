package dev.podscope.describe;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceFieldSelector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * describe.go's describeContainerEnvVars: literal values, downward-API fields resolved against the pod, resource
 * fields against the container, and references to Secrets and ConfigMaps by name only (never their data).
 */
final class EnvDescriber {

    private final DescribeWriter w;
    private final V1Pod pod;

    EnvDescriber(DescribeWriter w, V1Pod pod) {
        this.w = w;
        this.pod = pod;
    }

    void describe(V1Container c) {
        List<V1EnvVar> env = c.getEnv() == null ? List.of() : c.getEnv();
        w.write(2, "Environment:" + (env.isEmpty() ? "\t<none>" : "") + "\n");
        for (V1EnvVar e : env) {
            V1EnvVarSource from = e.getValueFrom();
            if (from == null) {
                String[] lines = GoText.orEmpty(e.getValue()).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    w.write(3, (i == 0 ? e.getName() + ":\t" : "\t") + lines[i] + "\n");
                }
            } else if (from.getFieldRef() != null) {
                String path = from.getFieldRef().getFieldPath();
                w.write(3, e.getName() + ":\t" + field(path) + " (" + GoText.orEmpty(from.getFieldRef().getApiVersion())
                        + ":" + path + ")\n");
            } else if (from.getResourceFieldRef() != null) {
                V1ResourceFieldSelector ref = from.getResourceFieldRef();
                String value = resource(c, ref);
                if ("0".equals(value) && ("limits.cpu".equals(ref.getResource()) || "limits.memory".equals(ref.getResource()))) {
                    value = "node allocatable";
                }
                w.write(3, e.getName() + ":\t" + value + " (" + ref.getResource() + ")\n");
            } else if (from.getSecretKeyRef() != null) {
                w.write(3, e.getName() + ":\t<set to the key '" + from.getSecretKeyRef().getKey() + "' in secret '"
                        + GoText.orEmpty(from.getSecretKeyRef().getName()) + "'>\tOptional: "
                        + GoText.goBool(from.getSecretKeyRef().getOptional()) + "\n");
            } else if (from.getConfigMapKeyRef() != null) {
                w.write(3, e.getName() + ":\t<set to the key '" + from.getConfigMapKeyRef().getKey()
                        + "' of config map '" + GoText.orEmpty(from.getConfigMapKeyRef().getName()) + "'>\tOptional: "
                        + GoText.goBool(from.getConfigMapKeyRef().getOptional()) + "\n");
            }
        }
    }

    /**
     * kubectl's EnvValueRetriever: the path must be a field label of Pod (ConvertFieldLabel) and then one that
     * fieldpath.ExtractFieldPathAsString reads from the object's metadata, which leaves metadata.name and
     * metadata.namespace; every other path (status.podIP, spec.nodeName, labels) prints empty.
     */
    private String field(String path) {
        var meta = pod.getMetadata();
        return switch (path) {
            case "metadata.name" -> GoText.orEmpty(meta.getName());
            case "metadata.namespace" -> GoText.orEmpty(meta.getNamespace());
            default -> "";
        };
    }

    /** resource.ExtractContainerResourceValue: ceil(value / divisor) as an integer. */
    private static String resource(V1Container c, V1ResourceFieldSelector ref) {
        String resource = GoText.orEmpty(ref.getResource());
        int dot = resource.indexOf('.');
        if (dot < 0) {
            return "";
        }
        Map<String, Quantity> list = c.getResources() == null ? null
                : resource.startsWith("limits.") ? c.getResources().getLimits() : c.getResources().getRequests();
        Quantity q = list == null ? null : list.get(resource.substring(dot + 1));
        BigDecimal value = q == null ? BigDecimal.ZERO : q.getNumber();
        BigDecimal divisor = ref.getDivisor() == null || ref.getDivisor().getNumber().signum() == 0
                ? BigDecimal.ONE : ref.getDivisor().getNumber();
        if (resource.endsWith(".cpu")) {
            // Go compares milli-values: ceil(MilliValue(value) / MilliValue(divisor))
            value = value.movePointRight(3).setScale(0, RoundingMode.CEILING);
            divisor = divisor.movePointRight(3).setScale(0, RoundingMode.CEILING);
        } else {
            value = value.setScale(0, RoundingMode.CEILING);
            divisor = divisor.setScale(0, RoundingMode.CEILING);
        }
        return value.divide(divisor, 0, RoundingMode.CEILING).toPlainString();
    }
}
