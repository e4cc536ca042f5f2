package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;

/** What every simulated component works with: the store, the simulator thread, events, nodes and the seed. */
record SimContext(ClusterStore store, Timeline timeline, EventRecorder events, SimNodes nodes, Naming naming) {
}
