package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.V1Pod;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The default-scheduler: binds a pending pod to a node whose allocatable cpu and memory can hold its requests
 * (each pod is checked against a node's whole size, which is all a demo cluster needs), preferring workers.
 * A pod that fits nowhere gets PodScheduled=False/Unschedulable and a FailedScheduling event, and is retried.
 */
final class Scheduler {
    static final String NAME = "default-scheduler";
    static final double RETRY_SECONDS = 60;

    private final SimContext ctx;
    private final Set<String> queued = new HashSet<>();

    Scheduler(SimContext ctx) {
        this.ctx = ctx;
    }

    private static boolean isMine(V1Pod pod) {
        String name = pod.getSpec().getSchedulerName();
        return name == null || NAME.equals(name);
    }

    void schedule(V1Pod pod) {
        if (isMine(pod) && queued.add(pod.getMetadata().getUid())) {
            ctx.timeline().after(0.05, () -> attempt(pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                    pod.getMetadata().getUid()));
        }
    }

    void forget(String uid) {
        queued.remove(uid);
    }

    private void attempt(String namespace, String name, String uid) {
        V1Pod pod = ctx.store().get(Resources.PODS, namespace, name).map(StoredObject::object)
                .filter(p -> uid.equals(p.getMetadata().getUid())).orElse(null);
        if (pod == null || pod.getSpec().getNodeName() != null || pod.getMetadata().getDeletionTimestamp() != null) {
            queued.remove(uid);
            return;
        }
        Fit fit = fit(pod);
        List<NodeSpec> fitting = fit.fitting();
        OffsetDateTime now = ctx.timeline().now();
        if (fitting.isEmpty()) {
            String message = fit.unschedulableMessage();
            V1Pod updated = ctx.store().modify(Resources.PODS, namespace, name, p -> {
                var condition = PodConditions.find(p.getStatus(), PodConditions.SCHEDULED);
                if (condition != null && message.equals(condition.getMessage())) {
                    return null;
                }
                PodStatuses.unschedulable(p, message, now);
                return p;
            }).object();
            ctx.events().pod(updated, null, NAME, EventRecorder.WARNING, "FailedScheduling", message);
            ctx.timeline().after(RETRY_SECONDS, () -> attempt(namespace, name, uid));
            return;
        }
        List<NodeSpec> workers = fitting.stream().filter(n -> !n.controlPlane()).toList();
        NodeSpec chosen = ctx.naming().pick(workers.isEmpty() ? fitting : workers);
        V1Pod bound = ctx.store().modify(Resources.PODS, namespace, name, p -> {
            PodStatuses.bind(p, chosen.name(), now);
            return p;
        }).object();
        queued.remove(uid);
        ctx.events().pod(bound, null, NAME, EventRecorder.NORMAL, "Scheduled",
                "Successfully assigned " + namespace + "/" + name + " to " + chosen.name());
    }

    /** Where a pod fits, and how many nodes each shortfall rules out. */
    record Fit(List<NodeSpec> fitting, Map<String, Integer> misfits) {
        /**
         * The scheduler's summary, its reasons sorted as strings, e.g. {@code 0/4 nodes are available: 1 node(s)
         * had untolerated taint {node.kubernetes.io/unreachable: }, 3 Insufficient cpu. preemption: ...}. The lost
         * node counts too: its unreachable taint rules it out, and preempting there cannot help.
         */
        String unschedulableMessage() {
            int total = SimNodes.ALL.size() + LostNode.PODS;
            List<String> reasons = new java.util.ArrayList<>(misfits.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).toList());
            reasons.add("1 node(s) had untolerated taint {" + LostNode.UNREACHABLE + ": }");
            reasons.sort(null);
            return "0/" + total + " nodes are available: " + String.join(", ", reasons) + ". preemption: 0/" + total
                    + " nodes are available: 1 Preemption is not helpful for scheduling, " + SimNodes.ALL.size()
                    + " No preemption victims found for incoming pod.";
        }
    }

    static Fit fit(V1Pod pod) {
        Map<String, Integer> misfits = new TreeMap<>();
        List<NodeSpec> fitting = new ArrayList<>();
        BigDecimal cpu = QosClass.request(pod, "cpu");
        BigDecimal memory = QosClass.request(pod, "memory");
        for (NodeSpec node : SimNodes.ALL) {
            boolean fits = true;
            if (cpu.compareTo(BigDecimal.valueOf(node.cpuMillis()).movePointLeft(3)) > 0) {
                misfits.merge("Insufficient cpu", 1, Integer::sum);
                fits = false;
            }
            if (memory.compareTo(BigDecimal.valueOf(node.memoryBytes())) > 0) {
                misfits.merge("Insufficient memory", 1, Integer::sum);
                fits = false;
            }
            if (fits) {
                fitting.add(node);
            }
        }
        return new Fit(fitting, misfits);
    }
}
