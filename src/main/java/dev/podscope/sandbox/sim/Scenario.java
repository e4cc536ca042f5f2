package dev.podscope.sandbox.sim;

/** The pods of the initial cluster that show one particular pod state or lifecycle each. */
public enum Scenario {
    /** default/web-…: a Deployment pod, Running and Ready for days, with a restart history on some seeds. */
    RUNNING,
    /** default/init-demo: two init containers, Init:0/2 → Init:1/2 → PodInitializing → Running. */
    INIT_CONTAINERS,
    /** shop/frontend-…: an app container plus a native sidecar (restartPolicy Always init container), READY 2/2. */
    SIDECAR,
    /**
     * shop/checkout-…, created a moment ago: exits with code 1 a few seconds after each start; restarted at once
     * the first time, then CrashLoopBackOff with growing back-off.
     */
    CRASH_LOOP,
    /** shop/payments-…: an image tag that does not exist, ImagePullBackOff for an hour or more, pulling every 5 min. */
    IMAGE_PULL_BACKOFF,
    /** shop/recommendations-…: Running for hours, but its readiness probe fails (READY 0/1, Unhealthy events). */
    NOT_READY,
    /** batch/db-backup-…: a Job pod that runs for a while and then Completes; its Job ends with succeeded=1. */
    JOB_RUNS_TO_COMPLETION,
    /** batch/nightly-report-…: a Job pod that Completed hours ago. */
    JOB_COMPLETED,
    /** batch/import-orders: restartPolicy Never, OOMKilled with exit code 137, phase Failed. */
    FAILED,
    /** data/ml-training: requests more cpu than any node has; Pending (Unschedulable) for half an hour or more. */
    UNSCHEDULABLE,
    /** default/stuck-terminating: deletionTimestamp set long ago, held forever by the finalizer podscope.dev/stuck. */
    STUCK_TERMINATING,
    /**
     * shop/search-…, created a moment ago: ready at first, then its liveness probe fails three times (Unhealthy),
     * the kubelet kills it (Killing, exit code 137) and restarts it, then CrashLoopBackOff between restarts.
     */
    LIVENESS_FAILING,
    /** shop/orders-…, created a moment ago: its init container migrate exits with code 1, Init:CrashLoopBackOff. */
    INIT_FAILING,
    /**
     * shop/cache-warmer-…, created a moment ago: OOMKilled (exit code 137) a few seconds after each start and
     * restarted, CrashLoopBackOff; its memory usage grows toward its 192Mi limit.
     */
    OOM_LOOP,
    /**
     * data/etl-runner on sandbox-worker-3, a node that stopped reporting half an hour or more ago (conditions
     * Unknown, unreachable taints): Ready=False since (NodeNotReady), evicted five minutes later and Terminating since.
     */
    NODE_LOST
}
