package dev.podscope.sandbox.sim;

/** One simulated node: its name, address, place in the pod network and size. */
record NodeSpec(String name, String internalIp, int index, boolean controlPlane, long cpuMillis, String memory) {
    static final String CONTROL_PLANE = "sandbox-control-plane";
    static final String WORKER_1 = "sandbox-worker-1";
    static final String WORKER_2 = "sandbox-worker-2";

    long memoryBytes() {
        return io.kubernetes.client.custom.Quantity.fromString(memory).getNumber().longValue();
    }
}
