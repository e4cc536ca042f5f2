package dev.podscope.metrics;

/** One container's usage over a metrics window: CPU in nanocores, memory (working set) in bytes. */
public record ContainerUsage(String name, long nanoCores, long bytes) {
}
