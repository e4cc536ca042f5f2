package dev.podscope.describe;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** kubectl's qos.GetPodQOS: status.qosClass, else computed from the containers' requests and limits. */
final class QosClasses {

    private static final List<String> COMPUTE = List.of("cpu", "memory");

    private QosClasses() {
    }

    static String of(V1Pod pod) {
        if (pod.getStatus() != null && !GoText.isEmpty(pod.getStatus().getQosClass())) {
            return pod.getStatus().getQosClass();
        }
        Map<String, BigDecimal> requests = new HashMap<>();
        Map<String, BigDecimal> limits = new HashMap<>();
        boolean guaranteed = true;
        List<V1Container> all = new ArrayList<>();
        if (pod.getSpec() != null) {
            all.addAll(pod.getSpec().getContainers() == null ? List.of() : pod.getSpec().getContainers());
            all.addAll(pod.getSpec().getInitContainers() == null ? List.of() : pod.getSpec().getInitContainers());
        }
        for (V1Container c : all) {
            Map<String, Quantity> req = c.getResources() == null ? null : c.getResources().getRequests();
            Map<String, Quantity> lim = c.getResources() == null ? null : c.getResources().getLimits();
            add(requests, req);
            int positiveLimits = add(limits, lim);
            if (positiveLimits < COMPUTE.size()) {
                guaranteed = false;
            }
        }
        if (requests.isEmpty() && limits.isEmpty()) {
            return "BestEffort";
        }
        if (guaranteed) {
            for (Map.Entry<String, BigDecimal> r : requests.entrySet()) {
                BigDecimal l = limits.get(r.getKey());
                if (l == null || l.compareTo(r.getValue()) != 0) {
                    guaranteed = false;
                    break;
                }
            }
        }
        return guaranteed && requests.size() == limits.size() ? "Guaranteed" : "Burstable";
    }

    /** Adds the positive cpu/memory quantities; returns how many of the two were positive. */
    private static int add(Map<String, BigDecimal> sums, Map<String, Quantity> list) {
        int positive = 0;
        if (list == null) {
            return 0;
        }
        for (String name : COMPUTE) {
            Quantity q = list.get(name);
            if (q != null && q.getNumber().signum() > 0) {
                sums.merge(name, q.getNumber(), BigDecimal::add);
                positive++;
            }
        }
        return positive;
    }
}
