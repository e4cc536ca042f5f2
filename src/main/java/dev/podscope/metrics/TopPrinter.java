package dev.podscope.metrics;

import dev.podscope.format.Quantities;
import dev.podscope.format.TextTable;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text of {@code kubectl top pod} and {@code kubectl top node} (kubectl's {@code pkg/metricsutil}
 * TopCmdPrinter): every cell, the last one too, ends with a tab, so the tabwriter pads the last column; rows sorted
 * by namespace and name, containers by name; CPU as rounded-up millicores, memory as whole MiB, node shares as
 * truncated percentages of allocatable. Nothing at all when there are no metrics.
 */
public final class TopPrinter {
    private static final String UNKNOWN = "<unknown>";

    /** What kubectl divides by for CPU(%) and MEMORY(%): a node's allocatable, in milli-units; null if unset. */
    public record Available(Long cpuMillis, Long memoryMillis) {
    }

    private TopPrinter() {
    }

    public static String pods(List<PodUsage> pods, boolean withNamespace, boolean containers, boolean headers,
                              boolean sum) {
        if (pods.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int columns = 3;
        if (headers) {
            if (withNamespace) {
                cell(out, "NAMESPACE");
                columns++;
            }
            if (containers) {
                cell(out, "POD");
                columns++;
            }
            cell(out, "NAME");
            cell(out, "CPU(cores)");
            cell(out, "MEMORY(bytes)");
            out.append('\n');
        }
        Comparator<PodUsage> order = withNamespace ? Comparator.comparing(PodUsage::pod)
                : Comparator.comparing(p -> p.pod().name());
        long totalCpu = 0;
        long totalMemory = 0;
        for (PodUsage pod : pods.stream().sorted(order).toList()) {
            totalCpu += pod.nanoCores();
            totalMemory += pod.bytes();
            if (containers) {
                for (ContainerUsage c : pod.containers().stream().sorted(Comparator.comparing(ContainerUsage::name))
                        .toList()) {
                    if (withNamespace) {
                        cell(out, pod.pod().namespace());
                    }
                    cell(out, pod.pod().name());
                    line(out, c.name(), c.nanoCores(), c.bytes());
                }
            } else {
                if (withNamespace) {
                    cell(out, pod.pod().namespace());
                }
                line(out, pod.pod().name(), pod.nanoCores(), pod.bytes());
            }
        }
        if (sum) {
            // kubectl's own arithmetic: columns-2 blank cells, then the rules; columns-3, then a nameless line
            out.append("\t".repeat(columns - 2)).append("________\t________\t\n");
            out.append("\t".repeat(columns - 3));
            line(out, "", totalCpu, totalMemory);
        }
        return TextTable.align(out);
    }

    /** {@code available} by node name; nodes there without metrics get a row of {@code <unknown>}. */
    public static String nodes(List<NodeUsage> nodes, Map<String, Available> available, boolean headers) {
        if (nodes.isEmpty()) {
            return "";
        }
        Map<String, Available> remaining = new HashMap<>(available);
        StringBuilder out = new StringBuilder();
        if (headers) {
            for (String name : List.of("NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)")) {
                cell(out, name);
            }
            out.append('\n');
        }
        for (NodeUsage node : nodes.stream().sorted(Comparator.comparing(NodeUsage::name)).toList()) {
            Available a = remaining.remove(node.name());
            cell(out, node.name());
            long cpuMillis = Math.ceilDiv(node.nanoCores(), 1_000_000L);
            cell(out, Quantities.cpu(node.nanoCores()));
            if (a != null && a.cpuMillis() != null) {
                cell(out, percent(cpuMillis, a.cpuMillis()));
            }
            cell(out, Quantities.memory(node.bytes()));
            if (a != null && a.memoryMillis() != null) {
                cell(out, percent(node.bytes() * 1000, a.memoryMillis()));
            }
            out.append('\n');
        }
        // kubectl prints these in Go's random map order; sorted here
        for (String name : new TreeMap<>(remaining).keySet()) {
            cell(out, name);
            for (int i = 0; i < 4; i++) {
                cell(out, UNKNOWN);
            }
            out.append('\n');
        }
        return TextTable.align(out);
    }

    /** Go's {@code int64(float64(used) / float64(available) * 100)}. */
    static String percent(long usedMillis, long availableMillis) {
        double fraction = (double) usedMillis / (double) availableMillis * 100;
        return (long) fraction + "%";
    }

    private static void line(StringBuilder out, String name, long nanoCores, long bytes) {
        cell(out, name);
        cell(out, Quantities.cpu(nanoCores));
        cell(out, Quantities.memory(bytes));
        out.append('\n');
    }

    private static void cell(StringBuilder out, String value) {
        out.append(value).append('\t');
    }
}
