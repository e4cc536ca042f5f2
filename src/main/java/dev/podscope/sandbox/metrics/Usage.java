package dev.podscope.sandbox.metrics;

/** What a container or node uses over one window: CPU in nanocores and memory (working set) in bytes. */
record Usage(long nanoCores, long bytes) {
    static final Usage NONE = new Usage(0, 0);

    Usage plus(Usage other) {
        return new Usage(nanoCores + other.nanoCores, bytes + other.bytes);
    }
}
