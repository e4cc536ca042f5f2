/**
 * The sandbox's simulated cluster: {@link dev.podscope.sandbox.sim.ClusterSimulator} fills a
 * {@link dev.podscope.sandbox.store.ClusterStore} with a seeded, lived-in cluster and then plays the parts the API
 * server does not: the scheduler, the kubelets, the ReplicaSet, Deployment (rolling update) and Job controllers and
 * the event TTL. Left alone it still changes: now and then a small Deployment does a rolling restart
 * ({@code RollingRestarts}), and the failing scenario pods go on failing.
 * <p>
 * The initial cluster is written to the store in one batch ({@link dev.podscope.sandbox.store.ClusterStore#createAll}),
 * which serializes ten thousand pods in parallel. Scenario pods whose lifecycle is to be watched are created a moment
 * ago; the others have been in their state for hours, with Events counted as hours of repeats leave them
 * ({@code AgedScenarios}), and the kubelet and event recorder go on from there.
 * <p>
 * Everything runs on one simulator thread, fed by one pod watch, so the components share plain maps and never
 * lock; a pod costs nothing while it has nothing to do. Statuses are built by the same small functions
 * ({@code PodStatuses}, {@code PodConditions}) whether a step happens now or is replayed at a backdated time for
 * the initial population. What a pod's main container does is read from the annotation
 * {@value dev.podscope.sandbox.sim.Behavior#ANNOTATION}, so replacements of a crash-looping pod crash too and
 * users can create misbehaving pods with kubectl.
 * <p>
 * The demo apps ({@code DemoApps}) declare the ports the sandbox serves for real through pods/portforward
 * ({@link dev.podscope.sandbox.containers.ContainerPorts}): {@code default/web} (nginx, {@code http} 80),
 * {@code shop/frontend} and {@code shop/cart} ({@code http} 8080), {@code shop/recommendations} (the not-ready
 * scenario: 500 on {@code /readyz} and {@code /}), {@code shop/inventory} ({@code grpc} 50051, gRPC health),
 * {@code default/echo} ({@code echo} 7, TCP echo) and {@code data/redis} (exec probe {@code redis-cli ping}). Each has
 * a ClusterIP Service with a named target port ({@code DemoServices}); {@code EndpointsController} keeps their
 * Endpoints and EndpointSlices in step with the pods.
 */
package dev.podscope.sandbox.sim;
