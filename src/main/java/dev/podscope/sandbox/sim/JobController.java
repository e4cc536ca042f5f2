package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobStatus;

import java.util.Objects;

/** The Job controller, as far as the sandbox's single-pod Jobs need it: counts pods and marks completion. */
final class JobController {
    private final SimContext ctx;

    JobController(SimContext ctx) {
        this.ctx = ctx;
    }

    void sync(String namespace, String name) {
        V1Job job = ctx.store().get(Resources.JOBS, namespace, name).map(StoredObject::object).orElse(null);
        if (job == null) {
            return;
        }
        V1JobStatus status = WorkloadStatus.job(job,
                WorkloadControllers.ownedPods(ctx.store(), namespace, job.getMetadata().getUid()), ctx.timeline().now());
        if (Objects.equals(status, job.getStatus())) {
            return;
        }
        boolean completes = job.getStatus() == null || job.getStatus().getCompletionTime() == null;
        V1Job updated = ctx.store().modify(Resources.JOBS, namespace, name, j -> {
            j.setStatus(status);
            return j;
        }).object();
        if (completes && status.getCompletionTime() != null) {
            ctx.events().object(updated, "Job", "batch/v1", "job-controller", EventRecorder.NORMAL, "Completed",
                    "Job completed");
        }
    }
}
