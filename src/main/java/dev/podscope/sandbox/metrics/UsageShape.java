package dev.podscope.sandbox.metrics;

/** How a workload's usage moves over time; every replica of a workload has the same shape. */
enum UsageShape {
    /** Near its usual level, with a little noise. */
    STEADY,
    /** Mostly quiet, with bursts of several times its usual CPU now and then. */
    SPIKY,
    /** Memory creeping up toward its limit over hours since the container started, like a slow leak. */
    GROWING;

    /** Six in ten workloads are steady, two spiky, two growing. */
    static UsageShape of(long workloadHash) {
        int bucket = (int) Math.floorMod(workloadHash, 10L);
        return bucket < 6 ? STEADY : bucket < 8 ? SPIKY : GROWING;
    }
}
