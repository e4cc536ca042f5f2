package dev.podscope.sandbox.sim;

/** The pods of the initial cluster that show one particular pod state or lifecycle each. */
public enum Scenario {
    /** default/web-…: a Deployment pod, Running and Ready for days, with a restart history on some seeds. */
    RUNNING,
    /** default/init-demo: two init containers, Init:0/2 → Init:1/2 → PodInitializing → Running. */
    INIT_CONTAINERS,
    /** shop/frontend-…: an app container plus a native sidecar (restartPolicy Always init container), READY 2/2. */
    SIDECAR,
    /** shop/checkout-…: exits with code 1 a few seconds after each start, CrashLoopBackOff with growing back-off. */
    CRASH_LOOP,
    /** shop/payments-…: image tag that does not exist, ErrImagePull and ImagePullBackOff in turn. */
    IMAGE_PULL_BACKOFF,
    /** shop/recommendations-…: Running, but its readiness probe fails (READY 0/1, Unhealthy events). */
    NOT_READY,
    /** batch/db-backup-…: a Job pod that runs for a while and then Completes; its Job ends with succeeded=1. */
    JOB_RUNS_TO_COMPLETION,
    /** batch/nightly-report-…: a Job pod that Completed hours ago. */
    JOB_COMPLETED,
    /** batch/import-orders: restartPolicy Never, OOMKilled with exit code 137, phase Failed. */
    FAILED,
    /** data/ml-training: requests more cpu than any node has, Pending with PodScheduled=False Unschedulable. */
    UNSCHEDULABLE,
    /** default/stuck-terminating: deletionTimestamp set long ago, held forever by the finalizer podscope.dev/stuck. */
    STUCK_TERMINATING
}
