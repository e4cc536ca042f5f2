package dev.podscope.describe;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** describe.go's describeTopologySpreadConstraints. */
final class TopologySpread {

    private TopologySpread() {
    }

    static void describe(DescribeWriter w, List<V1TopologySpreadConstraint> constraints) {
        if (constraints == null || constraints.isEmpty()) {
            return;
        }
        List<V1TopologySpreadConstraint> sorted = new ArrayList<>(constraints);
        sorted.sort(Comparator.comparing(V1TopologySpreadConstraint::getTopologyKey));
        w.write(0, "Topology Spread Constraints:\t");
        for (int i = 0; i < sorted.size(); i++) {
            V1TopologySpreadConstraint c = sorted.get(i);
            if (i != 0) {
                w.write(0, "\t");
            }
            StringBuilder sb = new StringBuilder(c.getTopologyKey()).append(':').append(c.getWhenUnsatisfiable())
                    .append(" when max skew ").append(c.getMaxSkew()).append(" is exceeded");
            if (c.getLabelSelector() != null) {
                sb.append(" for selector ").append(selector(c.getLabelSelector()));
            }
            w.write(0, sb.append('\n').toString());
        }
    }

    /** metav1.FormatLabelSelector. */
    static String selector(V1LabelSelector s) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : PodDescriber.sorted(s.getMatchLabels()).entrySet()) {
            parts.add(e.getKey() + "=" + e.getValue());
        }
        if (s.getMatchExpressions() != null) {
            for (V1LabelSelectorRequirement r : s.getMatchExpressions()) {
                String values = r.getValues() == null ? "" : String.join(",", r.getValues());
                switch (r.getOperator()) {
                    case "In" -> parts.add(r.getKey() + " in (" + values + ")");
                    case "NotIn" -> parts.add(r.getKey() + " notin (" + values + ")");
                    case "Exists" -> parts.add(r.getKey());
                    case "DoesNotExist" -> parts.add("!" + r.getKey());
                    default -> parts.add(r.getKey() + " " + r.getOperator() + " (" + values + ")");
                }
            }
        }
        String result = String.join(",", parts);
        return result.isEmpty() ? "<none>" : result;
    }
}
